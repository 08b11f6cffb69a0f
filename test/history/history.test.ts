import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HistorySchema } from '../../src/history/history.js';
import { sparkline } from '../../src/history/sparkline.js';
import { runCli } from '../cli/harness.js';
import { commitAll, git, gitProject } from '../git-project.js';
import { items, report } from '../gate/helpers.js';

/** bot's report with `common` and `long-tail` slices, passing the first `common`/`tail` items of each. */
function botReport(common: number, tail: number, fingerprint = {}) {
  return report([...items('common', 20, common), ...items('long-tail', 10, tail)], { candidate: 'bot', fingerprint });
}

function writeReport(dir: string, r: ReturnType<typeof botReport>): void {
  mkdirSync(path.join(dir, 'reports', 'qa'), { recursive: true });
  writeFileSync(path.join(dir, 'reports', 'qa', 'bot.json'), `${JSON.stringify({ ...r, suite: 'qa' }, null, 2)}\n`);
}

describe('evals history', () => {
  let dir = '';
  const commits: string[] = [];
  beforeAll(() => {
    dir = gitProject('gated');
    commitAll(dir, 'project');
    for (const [common, tail, message] of [
      [10, 5, 'first run'],
      [14, 8, 'better retrieval'],
      [12, 9, 'new prompt'],
    ] as const) {
      writeReport(dir, botReport(common, tail));
      commits.push(commitAll(dir, message));
    }
  });

  it("prints each gated slice x metric over the report's commits, oldest first, with the commit, date and a sparkline", async () => {
    const { code, stdout, stderr } = await runCli(['history', '--candidate', 'bot'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('history · qa · bot: reports/qa/bot.json, last 3 commits (oldest first)');
    commits.forEach((sha, i) =>
      expect(stdout).toMatch(new RegExp(`^  ${i + 1}  ${sha.slice(0, 7)}  \\d{4}-\\d{2}-\\d{2}  ${['first run', 'better retrieval', 'new prompt'][i]}$`, 'm')),
    );
    // Three points per slice: pass over all 30 items, then the long tail, then common.
    expect(stdout).toMatch(/^all \/ pass\s+▁█▇\s+0\.50–0\.73\s+0\.50\s+0\.73\s+0\.70$/m);
    expect(stdout).toMatch(/^long-tail \(long tail\) \/ pass\s+▁▆█\s+0\.50–0\.90\s+0\.50\s+0\.80\s+0\.90$/m);
    expect(stdout).toMatch(/^common \/ pass\s+▁█▅\s+0\.50–0\.70\s+0\.50\s+0\.70\s+0\.60$/m);
  });

  it('--last N keeps the newest N; --json gives the same points as data', async () => {
    const { code, stdout } = await runCli(['history', '--candidate', 'bot', '--last', '2', '--json'], dir);
    expect(code).toBe(0);
    const history = HistorySchema.parse(JSON.parse(stdout));
    expect(history.points.map((p) => p.commit)).toEqual(commits.slice(1));
    expect(history.rows.map((r) => [r.slice, r.metric, r.values])).toEqual([
      ['all', 'pass', [22 / 30, 0.7]],
      ['long-tail', 'pass', [0.8, 0.9]],
      ['common', 'pass', [0.7, 0.6]],
    ]);
  });

  it('marks a commit whose golden set changed, and skips a commit whose file is not a report', async () => {
    // Two more commits, on a copy of the repository: the other tests read the three beforeAll made.
    const copy = mkdtempSync(path.join(tmpdir(), 'evals-history-more-'));
    cpSync(dir, copy, { recursive: true });
    writeFileSync(path.join(copy, 'reports', 'qa', 'bot.json'), '{ "not": "a report" }\n');
    const broken = commitAll(copy, 'broken file');
    writeReport(copy, botReport(15, 9, { items: 'items-2' }));
    commitAll(copy, 'more items');
    const { code, stdout } = await runCli(['history', '--candidate', 'bot', '--last', '3'], copy);
    expect(code).toBe(0);
    expect(stdout).toMatch(/more items {2}\[golden set or scoring changed\]$/m);
    expect(stdout).toContain(`skipped ${broken.slice(0, 7)}: not a report this version reads`);
  });

  it('outside a git repository, or with the report never committed: a clear message, exit 2', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'evals-history-'));
    writeFileSync(
      path.join(plain, 'evals.config.mjs'),
      "export default { suites: { qa: { goldenSets: ['qa.jsonl'] } }, candidates: { bot: { kind: 'prompt', adapter: { type: 'module', path: 'bot.mjs' } } } };\n",
    );
    const outside = await runCli(['history', '--candidate', 'bot'], plain);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/is not inside a git repository; history is read from the commits of the report/);
    git(plain, 'init', '-q', '-b', 'main');
    const empty = await runCli(['history', '--candidate', 'bot'], plain);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no commit in .* yet, so reports\/qa\/bot\.json has no history/);
    commitAll(plain, 'config only');
    const never = await runCli(['history', '--candidate', 'bot'], plain);
    expect(never.code).toBe(2);
    expect(never.stderr).toContain('reports/qa/bot.json was never committed, so it has no history');
    for (const r of [outside, empty, never]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['history'], plain)).stderr).toMatch(/--candidate <id> is required/);
  });
});

describe('sparkline', () => {
  it('scales from the lowest to the highest value, flat when equal, a space when missing', () => {
    expect(sparkline([0, 0.5, 1])).toBe('▁▅█');
    expect(sparkline([0.7, 0.7])).toBe('▄▄');
    expect(sparkline([0.2, null, 0.4])).toBe('▁ █');
    expect(sparkline([null])).toBe(' ');
  });
});
