import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { commitAll, git, gitProject } from '../git-project.js';
import { runCli } from './harness.js';

/** Added to the fixture's 10 long-tail items: 40 in all. */
const LONG_TAIL = 30;
const id = (i: number) => `lt-${String(i).padStart(2, '0')}`;

/**
 * The gated fixture with a bigger long-tail slice (40 items, all answered right) and a drift budget
 * of 15 points, so that losing 2 items (5 points) a step passes three times and fails the fourth.
 */
function project(): string {
  const dir = gitProject('gated');
  const lines = Array.from({ length: LONG_TAIL }, (_, i) =>
    JSON.stringify({ id: id(i), input: `Code ${i}?`, reference: `c${i}`, slices: ['long-tail'], checks: [{ type: 'equals' }] }),
  );
  writeFileSync(path.join(dir, 'goldensets', 'qa.jsonl'), `${lines.join('\n')}\n${readFileSync(path.join(dir, 'goldensets', 'qa.jsonl'), 'utf8')}`);
  const answers = JSON.parse(readFileSync(path.join(dir, 'answers.json'), 'utf8')) as Record<string, string>;
  for (let i = 0; i < LONG_TAIL; i++) answers[id(i)] = `c${i}`;
  writeFileSync(path.join(dir, 'answers.json'), `${JSON.stringify(answers, null, 2)}\n`);
  const config = path.join(dir, 'evals.config.mjs');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace("goldenSets: ['goldensets/qa.jsonl'] }", "goldenSets: ['goldensets/qa.jsonl'], gate: { drift: { maxDrop: 0.15 } } }"),
  );
  return dir;
}

/** The candidate stops answering long-tail items [0, count). */
function forget(dir: string, count: number): void {
  const file = path.join(dir, 'answers.json');
  const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (let i = 0; i < count; i++) delete answers[id(i)];
  writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
}

describe('the drift budget in evals run', () => {
  let dir: string;
  let steps: Array<{ code: number; stdout: string }>;

  // One chain, shared by the tests: a tagged release, then four runs each losing 5 long-tail points.
  beforeAll(async () => {
    dir = project();
    expect((await runCli(['run', '--candidate', 'bot', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'release: every code answered');
    git(dir, 'tag', 'v1');
    steps = [];
    for (let step = 1; step <= 4; step++) {
      forget(dir, 2 * step);
      const result = await runCli(['run', '--candidate', 'bot', '--quiet', '--summary', 'diff.md'], dir);
      steps.push(result);
      if (result.code === 0) commitAll(dir, `step ${step}: two more codes forgotten, baseline updated`);
    }
  }, 60_000);

  it('three thin drops pass and become the baseline; the fourth fails on drift against the newest tag', () => {
    expect(steps.map((s) => s.code)).toEqual([0, 0, 0, 1]);
    // Each step alone is 5 points on 2 flipped items: the gate cannot tell it from noise.
    for (const { stdout } of steps) expect(stdout).toMatch(/long-tail \/ pass fell 5\.0 points on 40 items, which this test cannot tell from noise/);
    expect(steps[0]?.stdout).toContain("Drift budget: the baseline is still the report of v1, so the gate's own comparison is the drift check.");
    expect(steps[2]?.stdout).toContain('Drift since v1 (3 steps; budget 15 points at alpha 0.01): overall −13.0, long-tail −15.0, common 0.0 points (pass).');
    const last = steps[3]?.stdout ?? '';
    expect(last).toContain('gate: FAILED');
    expect(last).toMatch(/✗ long-tail is 20\.0 points below v1 in 4 steps \(1\.00 → 0\.80, p = 0\.0\d\d adjusted\), over the drift budget of 15 points/);
    expect(last).not.toMatch(/✗ long-tail \/ pass/);
    expect(last).toContain('-u writes the baseline but does not move the anchor');
    expect(readFileSync(path.join(dir, 'diff.md'), 'utf8')).toMatch(/- long-tail is 20\.0 points below v1 in 4 steps/);
  });

  it('records the drift in the JSON report: the committed one and the failing .new.json', () => {
    const read = (file: string) => ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports', 'qa', file), 'utf8')));
    expect(read('bot.json').drift).toMatchObject({ anchor: 'v1', steps: 3, maxDrop: 0.15, alpha: 0.01 });
    const failed = read('bot.new.json').drift;
    expect(failed?.rows.find((r) => r.slice === 'long-tail' && r.metric === 'pass')).toMatchObject({ n: 40, anchor: 1, head: 0.8, failed: true });
    expect(Object.keys(read('bot.new.json')).at(-1)).toBe('items');
  });

  it('--drift-ref names the anchor: a ref git does not know is exit 2 naming it, before anything runs', async () => {
    const unknown = await runCli(['run', '--candidate', 'bot', '--quiet', '--drift-ref', 'v9'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--drift-ref v9: no such commit in this repository');
    expect(unknown.stdout).not.toContain('gate:');
  });

  it('a damaged report at the anchor: exit 2 naming it when the ref was named, a note when it is the newest tag', async () => {
    // A copy of the chain (repository included): the other tests read the shared one as beforeAll left it.
    const copy = mkdtempSync(path.join(tmpdir(), 'evals-drift-damaged-'));
    cpSync(dir, copy, { recursive: true });
    const report = path.join(copy, 'reports', 'qa', 'bot.json');
    writeFileSync(report, '{ not json');
    commitAll(copy, 'a damaged report');
    git(copy, 'tag', 'broken');
    git(copy, 'checkout', 'HEAD~1', '--', 'reports');
    const named = await runCli(['run', '--candidate', 'bot', '--quiet', '--drift-ref', 'broken'], copy);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('broken:reports/qa/bot.json: not a JSON report');
    const found = await runCli(['run', '--candidate', 'bot', '--quiet'], copy);
    expect(found.stdout).toContain('· Drift budget not checked: the anchor at broken cannot be read (broken:reports/qa/bot.json: not a JSON report');
  });

  it('with no tag the run says the drift budget was not checked', async () => {
    const fresh = gitProject('gated');
    commitAll(fresh, 'no tag');
    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet'], fresh);
    expect(code).toBe(0);
    expect(stdout).toContain('· Drift budget not checked: no tag is reachable from HEAD');
  });
});
