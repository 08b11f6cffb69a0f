import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../cli/harness.js';

const yaml = `suites:
  math:
    goldenSets: [mini.jsonl]
    gate: { maxErrors: 10 }
candidates:
  echo:
    kind: prompt
    adapter:
      type: module
      path: echo.ts
`;

describe('YAML and JSON configs', () => {
  it('evals.config.yaml is found and runs; --config takes a .json', async () => {
    const dir = copyFixture('mini');
    writeFileSync(
      path.join(dir, 'alt.config.json'),
      JSON.stringify({
        suites: { math: { goldenSets: ['mini.jsonl'] } },
        candidates: { echo: { kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' } } },
      }),
    );
    const json = await runCli(['validate', '--config', 'alt.config.json'], dir);
    expect(json.stdout).toContain('config alt.config.json: ok');
    // The fixture's evals.config.ts comes first; a folder with only YAML finds the YAML.
    const yamlDir = copyFixture('mini');
    writeFileSync(path.join(yamlDir, 'evals.config.ts'), '');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(yamlDir, 'evals.config.ts'));
    writeFileSync(path.join(yamlDir, 'evals.config.yaml'), yaml);
    const run = await runCli(['run', '--slice', 'math', '--quiet'], yamlDir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('report: reports/math/echo.new.json');
  });

  it('errors name file:line and the field, with did-you-mean', async () => {
    const dir = copyFixture('mini');
    writeFileSync(path.join(dir, 'bad.yaml'), yaml.replace('      path: echo.ts', '      path: echo.ts\n      pth: x'));
    const bad = await runCli(['validate', '--config', 'bad.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml:11: "candidates.echo.adapter": unknown key "pth"; did you mean "path"?');
    writeFileSync(path.join(dir, 'broken.yaml'), 'suites:\n  math: [unclosed\n');
    const broken = await runCli(['validate', '--config', 'broken.yaml'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yaml:\d+: /);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});
