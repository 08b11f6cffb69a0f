import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { calls, committed, expectEnd, failItems, hostileProject, read, runCli, withBaseline } from './helpers-trust.js';

// Principle 1: a baseline moves only on purpose — a complete, clean run of the full plan, or -u.
describe('a baseline moves only on purpose', () => {
  it('a --sample run writes .new.* beside the baseline, even with -u', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    for (const extra of [[], ['-u']]) {
      const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--sample', '2', ...extra], dir);
      expectEnd(result, 0, /The baseline was kept: this was a --sample run \(2@1\), not the full plan;/);
      expect(committed(dir)).toEqual(before);
      expect(ReportSchema.parse(JSON.parse(read(dir, 'reports/mini/count.new.json'))).fingerprint.sample).toBe('2@1');
    }
  });

  it('a first --sample run does not become the baseline either', async () => {
    const dir = hostileProject();
    expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--sample', '3', '--quiet'], dir), 0, /baseline was kept/);
    expect(committed(dir)).toEqual({});
    expect(existsSync(path.join(dir, 'reports/mini/count.new.json'))).toBe(true);
  });

  it('a run that exits 3 never replaces the baseline, not even with -u', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    failItems(dir, ['q-02']);
    for (const extra of [[], ['-u']]) {
      const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--quiet', ...extra], dir);
      expectEnd(result, 3, /1 item ended in an error, over the budget of 0/);
      expect(result.stdout).toMatch(/The baseline was kept: 1 items ended in an error, over the budget of 0/);
      expect(committed(dir)).toEqual(before);
    }
  });

  it('a first run whose items all errored writes no baseline and exits 3, whatever the error budget', async () => {
    const dir = hostileProject();
    failItems(dir, ['q-01', 'q-02', 'q-03', 'q-04']);
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'lenient', '--quiet'], dir);
    expectEnd(result, 3, /every item \(4\) ended in an error: nothing was measured/);
    expect(committed(dir, 'lenient')).toEqual({});
    expect(readdirSync(path.join(dir, 'reports/lenient')).sort()).toEqual([
      'count.new.html',
      'count.new.json',
      'count.new.md',
      'count.new.outputs.jsonl',
      'count.new.run.json',
    ]);
  });

  it('errored items stay retryable: the journal is kept and the next run calls only them', async () => {
    const dir = hostileProject();
    failItems(dir, ['q-03']);
    const first = await runCli(['run', '--candidate', 'count', '--suite', 'lenient', '--quiet'], dir);
    expectEnd(first, 0, /1 call ended in an error; .*\.evals-runs\/lenient\/count-\w+\.jsonl is kept, so the next run tries only it again/);
    expect(readdirSync(path.join(dir, '.evals-runs/lenient'))).toHaveLength(1);
    failItems(dir, []);
    const before = calls(dir).length;
    const second = await runCli(['run', '--candidate', 'count', '--suite', 'lenient', '--quiet'], dir);
    expectEnd(second, 0);
    expect(calls(dir).slice(before)).toEqual(['q-03']);
    const report = ReportSchema.parse(JSON.parse(read(dir, 'reports/lenient/count.json')));
    expect(report.summary).toMatchObject({ n: 4, errors: 0 });
    expect(readdirSync(path.join(dir, '.evals-runs/lenient'))).toEqual([]);
  });
});

/** A judged project: metric `ok` judged by `j`, a replay judge first, then an Anthropic judge with no key. (A .ts config: jiti reloads it, Node caches .mjs.) */
function judgedProject(): { dir: string; loseTheJudge: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-unscored-'));
  const ids = ['a', 'b', 'c', 'd'];
  mkdirSync(path.join(dir, 'rubrics'));
  writeFileSync(path.join(dir, 'rubrics', 'ok.md'), '---\nid: ok\nscale: binary\ncriteria:\n  - name: ok\n    description: Fine.\n---\nJudge.\n');
  writeFileSync(
    path.join(dir, 'set.jsonl'),
    ids.map((id) => JSON.stringify({ id, input: `Question ${id}?`, reference: `Answer ${id}`, checks: [{ type: 'equals' }] })).join('\n'),
  );
  writeFileSync(
    path.join(dir, 'c.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport default async (item) => { appendFileSync(new URL('calls.log', import.meta.url), item.id + '\\n'); return `Answer ${item.id}`; };\n",
  );
  writeFileSync(
    path.join(dir, 'verdicts.jsonl'),
    ids.map((id) => JSON.stringify({ key: `${id}/rubric/ok`, verdict: { reasoning: 'fine', score: 1 } })).join('\n'),
  );
  const config = (judge: object) => ({
    suites: { s: { goldenSets: ['set.jsonl'], judge: 'j', rubrics: ['ok'] } },
    judges: { j: judge },
    candidates: { c: { kind: 'prompt', adapter: { type: 'module', path: 'c.mjs' } } },
  });
  writeFileSync(
    path.join(dir, 'evals.config.ts'),
    `export default ${JSON.stringify(config({ provider: 'replay', path: 'verdicts.jsonl', source: 'synthetic: test verdicts' }))};\n`,
  );
  return {
    dir,
    loseTheJudge: () =>
      writeFileSync(path.join(dir, 'evals.config.ts'), `export default ${JSON.stringify(config({ provider: 'anthropic', model: 'claude-sonnet-4-6' }))};\n`),
  };
}

describe('a metric gated in the baseline that this run cannot score', () => {
  it('stops before any call with exit 2 naming the metric and why; --allow-unscored gates without it and keeps the baseline', async () => {
    const { dir, loseTheJudge } = judgedProject();
    expectEnd(await runCli(['run', '--candidate', 'c', '--quiet'], dir), 0);
    const before = committed(dir, 's', 'c');
    expect(JSON.parse(read(dir, 'reports/s/c.json')).summary.metrics.ok.mean).toBe(1);
    loseTheJudge();
    const callsBefore = calls(dir).length;

    const refused = await runCli(['run', '--candidate', 'c', '--quiet'], dir, undefined, {});
    expectEnd(refused, 2, /ok is gated in the baseline reports\/s\/c\.json but cannot be scored in this run:\n {2}ok: .*ANTHROPIC_API_KEY/);
    expect(refused.stderr).toMatch(/Nothing was run\. Fix that, or pass --allow-unscored/);
    expect(calls(dir).length).toBe(callsBefore);
    expect(committed(dir, 's', 'c')).toEqual(before);

    const allowed = await runCli(['run', '--candidate', 'c', '--quiet', '--allow-unscored'], dir);
    expectEnd(allowed, 0, /The baseline was kept: ok is gated in the baseline but not scored in this run \(accept that with --allow-unscored -u\);/);
    expect(committed(dir, 's', 'c')).toEqual(before);
    expect(JSON.parse(read(dir, 'reports/s/c.new.json')).summary.metrics.ok).toBeUndefined();

    const accepted = await runCli(['run', '--candidate', 'c', '--quiet', '--allow-unscored', '-u'], dir);
    expectEnd(accepted, 0);
    expect(committed(dir, 's', 'c').json).not.toBe(before.json);
    expect(JSON.parse(read(dir, 'reports/s/c.json')).summary.metrics.ok).toBeUndefined();
  });
});
