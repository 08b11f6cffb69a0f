import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/util/package-path.js';

// From src/util/ here; from a bundled chunk under dist/ in every run through bin/evals.js (the
// report's version, the HTML page's templates) and in `evals init` from the packed tarball (test/package).
describe('packagePath', () => {
  it('finds this package root from the sources, where package.json, bin/ and templates/ ship', () => {
    expect(JSON.parse(readFileSync(packagePath('package.json'), 'utf8'))).toMatchObject({ name: 'evals-gate' });
    expect(readFileSync(packagePath('bin/evals.js'), 'utf8')).toContain("from '../dist/cli/main.js'");
    expect(readFileSync(packagePath('templates/html/report.css'), 'utf8').length).toBeGreaterThan(0);
  });
});
