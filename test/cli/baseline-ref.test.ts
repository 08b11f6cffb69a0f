import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, gitProject } from '../git-project.js';
import { runCli } from './harness.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Forgets the capitals of the last `count` long-tail items (q-16 backwards). */
function forget(dir: string, count: number): void {
  const file = path.join(dir, 'answers.json');
  const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (let i = 16; i > 16 - count; i -= 1) delete answers[`q-${String(i).padStart(2, '0')}`];
  writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
}

/** A base commit with the candidate's report, and a head commit on a branch on top of it. */
async function baseAndHead(configure?: (config: string) => string): Promise<{ dir: string; base: string; report: string }> {
  const dir = gitProject('gated');
  // Before the first run: Node caches an imported .mjs config for the life of the test process.
  const config = path.join(dir, 'evals.config.mjs');
  if (configure) writeFileSync(config, configure(readFileSync(config, 'utf8')));
  expect((await runCli(['run', '--candidate', 'bot', '--quiet'], dir)).code).toBe(0);
  const base = commitAll(dir, 'base: bot answers every capital');
  git(dir, 'checkout', '-q', '-b', 'pr');
  return { dir, base, report: path.join(dir, 'reports', 'qa', 'bot.json') };
}

describe('evals run --baseline-ref', () => {
  it('a head that commits a lowered baseline with -u fails against its base, and the committed report is kept', async () => {
    const { dir, base, report } = await baseAndHead();
    forget(dir, 5);
    expect((await runCli(['run', '--candidate', 'bot', '-u', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'head: forgets five long-tail capitals, baseline lowered with -u');
    // Against its own committed report the head passes: that is the hole --baseline-ref closes.
    expect((await runCli(['run', '--candidate', 'bot', '--quiet'], dir)).code).toBe(0);
    const before = sha(report);

    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base], dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`against ${base}:reports/qa/bot.json`);
    expect(stdout).toContain('✗ this PR lowers the baseline of long-tail / pass from 1.00 to 0.50');
    expect(stdout).toContain('✗ this PR lowers the baseline of all / pass from 1.00 to 0.69');
    expect(stdout).not.toContain('common / pass from');
    expect(stdout).toContain('a maintainer accepts it with --allow-baseline-change');
    expect(sha(report)).toBe(before);
    expect(existsSync(path.join(dir, 'reports', 'qa', 'bot.new.json'))).toBe(true);
  });

  it('evals merge takes --baseline-ref too: the shards of a head that lowered its baseline fail against the base', async () => {
    const { dir, base } = await baseAndHead();
    forget(dir, 5);
    expect((await runCli(['run', '--candidate', 'bot', '-u', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'head: lowered with -u');
    for (const shard of ['1/2', '2/2']) expect((await runCli(['run', '--candidate', 'bot', '--quiet', '--shard', shard], dir)).code).toBe(0);
    const { code, stdout } = await runCli(['merge', '--baseline-ref', base], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ this PR lowers the baseline of long-tail / pass from 1.00 to 0.50');
  });

  it('--allow-baseline-change accepts the lowered report: it becomes the bar, and the notes say so', async () => {
    const { dir, base } = await baseAndHead();
    forget(dir, 5);
    expect((await runCli(['run', '--candidate', 'bot', '-u', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'head: lowered on purpose');

    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base, '--allow-baseline-change'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('gate: passed (against reports/qa/bot.json');
    expect(stdout).toContain('this PR lowers the baseline of long-tail / pass from 1.00 to 0.50: accepted (--allow-baseline-change)');
  });

  it('without a lowered report the run is compared with the base: a regression the head did not commit still fails', async () => {
    const { dir, base } = await baseAndHead();
    forget(dir, 8);
    commitAll(dir, 'head: forgets eight capitals, report untouched');
    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base], dir);
    expect(code).toBe(1);
    expect(stdout).toContain(`against ${base}:reports/qa/bot.json`);
    expect(stdout).toMatch(/✗ long-tail \/ pass: 1\.00 → 0\.20/);
    expect(stdout).not.toContain('lowers the baseline');
  });

  it('a drop within the tolerance (maxDrop) is not a lowering: reruns may move a little', async () => {
    const { dir, base } = await baseAndHead((config) =>
      config.replace("goldenSets: ['goldensets/qa.jsonl'] }", "goldenSets: ['goldensets/qa.jsonl'], gate: { maxDrop: 0.5 } }"),
    );
    forget(dir, 1);
    expect((await runCli(['run', '--candidate', 'bot', '-u', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'head: one capital forgotten, tolerance 50 points');
    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base], dir);
    expect(stdout).not.toContain('lowers the baseline');
    expect(code).toBe(0);
  });

  it('a head that deletes the report removes the bar: that fails too', async () => {
    const { dir, base } = await baseAndHead();
    rmSync(path.join(dir, 'reports'), { recursive: true });
    commitAll(dir, 'head: no reports');
    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('✗ this PR removes the baseline report');
  });

  it('a report the base does not have yet is new: the committed one is the baseline', async () => {
    const dir = gitProject('gated');
    const base = commitAll(dir, 'base: no reports yet');
    expect((await runCli(['run', '--candidate', 'bot', '--quiet'], dir)).code).toBe(0);
    commitAll(dir, 'head: first baseline');
    const { code, stdout } = await runCli(['run', '--candidate', 'bot', '--quiet', '--baseline-ref', base], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('gate: passed (against reports/qa/bot.json');
    expect(stdout).toContain(`${base}:reports/qa/bot.json does not exist: the committed report is new in this change and is the baseline.`);
  });

  it('an unknown ref is exit 2 before anything runs; the flags that do not go together are usage errors', async () => {
    const { dir, report } = await baseAndHead();
    const before = sha(report);
    const runs = () => readdirSync(path.join(dir, '.evals-runs'), { recursive: true });
    const journals = runs();
    const unknown = await runCli(['run', '--candidate', 'bot', '--baseline-ref', 'origin/main'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--baseline-ref origin/main: no such commit in this repository (fetch it first, e.g. git fetch origin origin/main)');
    expect(runs()).toEqual(journals);
    expect(sha(report)).toBe(before);
    expect((await runCli(['run', '--candidate', 'bot', '--allow-baseline-change'], dir)).stderr).toContain('--allow-baseline-change goes with --baseline-ref');
    expect((await runCli(['run', '--candidate', 'bot', '--baseline', report, '--baseline-ref', 'HEAD'], dir)).stderr).toContain(
      '--baseline and --baseline-ref each name the baseline',
    );
  });
});
