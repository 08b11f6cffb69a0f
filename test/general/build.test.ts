import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generalCandidates, generalJudges, generalSuites } from '../../examples/general/config.js';
import { buildGeneral } from '../../scripts/general/build.js';
import { GENERAL_FAMILY, powerMarkdown, powerTable, worstCaseDrop } from '../../scripts/general/power.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { minDetectableDrop } from '../../src/stats/power.js';
import { countBy, haveShared, readJsonl, readText, root, sharedData } from './helpers.js';

describe('scripts/build-general', () => {
  const reason = haveShared ? '' : ` (skipped: no shared data at ${sharedData})`;
  if (!haveShared) console.warn(`build-general reproducibility test skipped: no shared data at ${sharedData}`);

  it.skipIf(!haveShared)(`reproduces every committed file byte for byte${reason}`, () => {
    const { files } = buildGeneral(sharedData);
    expect(files.size).toBe(23); // 21 JSONL files and 2 copied licenses
    for (const [file, content] of files) {
      const committed = path.join(root, file);
      expect(existsSync(committed), `${file} is not committed`).toBe(true);
      // Compared as a boolean first: a mismatch in a 500 KB file should not print it whole.
      const same = readFileSync(committed, 'utf8') === content;
      expect(same, `${file} differs from what the generator writes`).toBe(true);
    }
  });
});

describe('what each general slice can catch (goldensets/general/README.md)', () => {
  const files = ['math', 'instruction-following', 'truthfulness', 'safety'].map((f) => `goldensets/general/${f}.jsonl`);
  const rows = files.flatMap(readJsonl);
  const sizes = [{ slice: 'all', n: rows.length }, ...[...countBy(rows.flatMap((r) => r.slices as string[]))].map(([slice, n]) => ({ slice, n }))];

  it('the README states the drops computed for the committed slice sizes', () => {
    expect(readText('goldensets/general/README.md')).toContain(powerMarkdown(powerTable(sizes, 0.05, GENERAL_FAMILY), 0.05, GENERAL_FAMILY));
  });

  it('every capability slice catches a 10-point drop at alpha 0.05, whatever its baseline', () => {
    for (const { slice, n } of sizes.filter((s) => !['over-refusal', 'harmful'].includes(s.slice))) {
      expect(worstCaseDrop(n, 0.05), slice).toBeLessThan(0.1);
    }
  });

  it('the worst case is a real maximum: no baseline on a finer grid does worse by more than rounding', () => {
    const worst = worstCaseDrop(500, 0.05);
    for (let p = 0.3; p <= 0.8; p += 0.0025) {
      expect(minDetectableDrop({ kind: 'binary', baseline: p, alpha: 0.05, n: 500 }) ?? 0).toBeLessThan(worst + 0.0005);
    }
  });
});

describe('examples/general/config.ts', () => {
  it('parses as config: suites, replay candidates and the replay judge', () => {
    const parsed = ConfigSchema.safeParse({ suites: generalSuites, candidates: generalCandidates, judges: generalJudges });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('points only at committed files, and every candidate base and suite exists', () => {
    for (const suite of Object.values(generalSuites)) for (const file of suite.goldenSets) expect(existsSync(path.join(root, file)), file).toBe(true);
    for (const [id, candidate] of Object.entries(generalCandidates)) {
      expect(existsSync(path.join(root, (candidate.adapter as { type: string; path: string }).path)), id).toBe(true);
      for (const suite of candidate.suites ?? []) expect(generalSuites, `${id} runs ${suite}`).toHaveProperty(suite);
      if (candidate.base) {
        const base = generalCandidates[candidate.base];
        expect(base, `${id}'s base`).toBeDefined();
        expect(base?.suites, `${id} and its base run the same suites`).toEqual(candidate.suites);
      }
    }
    for (const judge of Object.values(generalJudges)) expect(existsSync(path.join(root, (judge as { path: string }).path))).toBe(true);
  });
});
