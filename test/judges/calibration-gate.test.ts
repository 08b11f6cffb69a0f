import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';

const ITEMS = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`);

/** A judged suite whose replay judge first passes every answer, then (after `judgeTurns`) fails them all. */
function project(minAgreement: number, measured: number | undefined): { dir: string; judgeTurns: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-calgate-'));
  mkdirSync(path.join(dir, 'rubrics'));
  writeFileSync(path.join(dir, 'rubrics', 'ok.md'), '---\nid: ok\nscale: binary\ncriteria:\n  - name: ok\n    description: Fine.\n---\nJudge.\n');
  writeFileSync(path.join(dir, 'set.jsonl'), ITEMS.map((id) => JSON.stringify({ id, input: `Question ${id}?` })).join('\n'));
  writeFileSync(path.join(dir, 'c.mjs'), 'export default async (item) => `Answer ${item.id}`;\n');
  const verdicts = (score: number) =>
    ITEMS.map((id) => JSON.stringify({ key: `${id}/rubric/ok`, verdict: { reasoning: score ? 'fine' : 'poor', score } })).join('\n');
  writeFileSync(path.join(dir, 'verdicts.jsonl'), verdicts(1));
  const config = {
    suites: { s: { goldenSets: ['set.jsonl'], judge: 'j', rubrics: ['ok'] } },
    judges: { j: { provider: 'replay', path: 'verdicts.jsonl', source: 'synthetic: test verdicts', minAgreement } },
    candidates: { c: { kind: 'prompt', adapter: { type: 'module', path: 'c.mjs' } } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  if (measured !== undefined) {
    mkdirSync(path.join(dir, 'reports', 'calibration'), { recursive: true });
    const record = { schema: 'evals.calibration/1', judge: 'j', labels: 'labels.jsonl', kind: 'pairwise', n: 100, agreement: measured, kappa: 0.8 };
    writeFileSync(path.join(dir, 'reports', 'calibration', 'j.json'), JSON.stringify(record));
  }
  return { dir, judgeTurns: () => writeFileSync(path.join(dir, 'verdicts.jsonl'), verdicts(0)) };
}

async function regress(minAgreement: number, measured: number | undefined) {
  const { dir, judgeTurns } = project(minAgreement, measured);
  expect((await runCli(['run', '--candidate', 'c', '--quiet'], dir)).code).toBe(0);
  judgeTurns();
  const second = await runCli(['run', '--candidate', 'c', '--quiet'], dir);
  const file = second.code === 0 ? 'reports/s/c.json' : 'reports/s/c.new.json';
  return { ...second, report: ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8'))) };
}

describe('a judge held to its calibration', () => {
  it('gates when its measured agreement reaches minAgreement', async () => {
    const { code, stdout, report } = await regress(0.9, 0.93);
    expect(report.ungated).toEqual([]);
    expect(code).toBe(1);
    // `ok` is the suite's only metric, so it is a copy of `pass`: the gate tests `pass` in its place.
    expect(stdout).toMatch(/✗ all \/ pass: 1\.00 → 0\.00/);
    expect(stdout).toMatch(/copies of pass left out/);
  });

  it('is reported but does not gate below minAgreement, or uncalibrated', async () => {
    const below = await regress(0.95, 0.93);
    expect(below.code).toBe(0);
    expect(below.report.ungated).toEqual([{ metric: 'ok', reason: 'judge "j" agreed with people on 93.0% of 100 labels, below its minAgreement 0.95' }]);
    expect(below.report.summary.metrics.ok?.mean).toBe(0);
    expect(below.stdout).toMatch(/ok is shown but not gated: judge "j" agreed with people on 93\.0%/);
    const never = await regress(0.9, undefined);
    expect(never.code).toBe(0);
    expect(never.report.ungated[0]?.reason).toMatch(/has minAgreement 0\.9 but no calibration/);
  });
});
