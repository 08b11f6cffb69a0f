import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEvalSuite, runEvalSuite } from '../../src/vitest/suite-run.js';
import { copyFixture, runCli } from '../cli/harness.js';

/** The `gated` fixture's bot forgets the capitals of the last `count` long-tail items. */
function forget(dir: string, count: number): void {
  const file = path.join(dir, 'answers.json');
  const answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  for (let i = 16; i > 16 - count; i -= 1) delete answers[`q-${String(i).padStart(2, '0')}`];
  writeFileSync(file, `${JSON.stringify(answers, null, 2)}\n`);
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, 'reports', 'qa', file), 'utf8');
const interrupt = new AbortController().signal;

describe('the suite run behind describeEval', () => {
  it('writes the report evals run writes and gates as it does: a regression fails with the same exit code and keeps the baseline', async () => {
    const cli = copyFixture('gated');
    const vitest = copyFixture('gated');
    expect((await runCli(['run', '--candidate', 'bot', '--quiet'], cli)).code).toBe(0);
    const plan = await planEvalSuite({ suite: 'qa', candidate: 'bot', cwd: vitest });
    const first = await runEvalSuite(plan, { env: {}, interrupt });
    expect(first.exitCode).toBe(0);
    expect(first.reportFile).toBe(path.join(vitest, 'reports', 'qa', 'bot.json'));
    for (const file of ['bot.json', 'bot.md', 'bot.outputs.jsonl']) expect(read(vitest, file)).toBe(read(cli, file));
    expect(first.results.get('q-01')?.[0]?.checks).toEqual([{ name: 'equals', type: 'equals', pass: true, score: 1 }]);

    forget(cli, 5);
    forget(vitest, 5);
    const fromCli = await runCli(['run', '--candidate', 'bot', '--quiet'], cli);
    const baseline = read(vitest, 'bot.json');
    const regressed = await runEvalSuite(plan, { env: {}, interrupt });
    expect(fromCli.code).toBe(1);
    expect(regressed.exitCode).toBe(1);
    expect(regressed.output).toContain('gate: FAILED');
    expect(regressed.output).toContain('long-tail');
    expect(regressed.reportFile).toBe(path.join(vitest, 'reports', 'qa', 'bot.new.json'));
    expect(read(vitest, 'bot.json')).toBe(baseline);
    expect(read(vitest, 'bot.new.json')).toBe(read(cli, 'bot.new.json'));
    expect(regressed.report.items.find((item) => item.id === 'q-16')).toMatchObject({
      pass: false,
      failures: ['equals: expected "Maseru", found "I don\'t know"'],
    });
  });

  it('runs only the items selected, as a partial run that never replaces the baseline', async () => {
    const dir = copyFixture('gated');
    const plan = await planEvalSuite({ suite: 'qa', candidate: 'bot', cwd: dir });
    const run = await runEvalSuite(plan, { only: new Set(['q-01', 'q-16']), env: {}, interrupt });
    expect(run.report.items.map((item) => item.id)).toEqual(['q-01', 'q-16']);
    expect(run.reportFile).toBe(path.join(dir, 'reports', 'qa', 'bot.new.json'));
    expect(run.output).toContain('a vitest run of 2 of 16 items');
  });

  it('names an unknown suite or candidate before anything runs', async () => {
    const dir = copyFixture('gated');
    await expect(planEvalSuite({ suite: 'qa', candidate: 'bott', cwd: dir })).rejects.toThrow('unknown candidate "bott" (known: bot)');
    await expect(planEvalSuite({ suite: 'q', candidate: 'bot', cwd: dir })).rejects.toThrow('unknown suite "q" (known: qa)');
  });
});
