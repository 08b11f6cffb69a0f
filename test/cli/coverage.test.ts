import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CoverageOutputSchema } from '../../src/gate/coverage.js';
import { flip, ids, items, report } from '../gate/helpers.js';
import { runCli } from './harness.js';

/** A project with one committed baseline (bot on support) and a rerun beside it; no run needed. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'evals-coverage-'));
  mkdirSync(path.join(dir, 'reports', 'support'), { recursive: true });
  writeFileSync(
    path.join(dir, 'evals.config.mjs'),
    `export default ${JSON.stringify({
      suites: { support: { goldenSets: ['none.jsonl'], longTail: ['long-tail'], gate: { maxDrop: 0.02 } } },
      candidates: { bot: { kind: 'rag', adapter: { type: 'module', path: 'bot.mjs' } }, other: { kind: 'rag', adapter: { type: 'module', path: 'bot.mjs' } } },
    })};\n`,
  );
  const base = report([...items('head', 200, 160), ...items('long-tail', 60, 42)], { candidate: 'bot' });
  writeFileSync(path.join(dir, 'reports', 'support', 'bot.json'), `${JSON.stringify(base, null, 2)}\n`);
  const rerun = report(flip(base.items, new Set([...ids('head', 0, 8), ...ids('long-tail', 0, 3)])), { candidate: 'bot' });
  writeFileSync(path.join(dir, 'rerun.json'), `${JSON.stringify(rerun, null, 2)}\n`);
});

describe('evals coverage', () => {
  it('prints per slice the items now and the items needed for 5, 10 and 20-point drops', async () => {
    const { code, stdout, stderr } = await runCli(['coverage', '--candidate', 'bot'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('support / bot (reports/support/bot.json)');
    expect(stdout).toMatch(/n now .* n for −5 +n for −10 +n for −20/);
    expect(stdout).toMatch(/^long-tail \(long tail\) +60 +0\.70 /m);
    expect(stdout).toMatch(/^head +200 +0\.80 /m);
    expect(stdout).toContain('discordance: assumed: two runs as different as independent draws');
  });

  it('--json with --rerun: the schema, the measured discordance, the same counts as the table', async () => {
    const { code, stdout } = await runCli(['coverage', 'reports/support/bot.json', '--rerun', 'rerun.json', '--json'], dir);
    expect(code).toBe(0);
    const out = CoverageOutputSchema.parse(JSON.parse(stdout));
    const [only] = out.reports;
    expect(only?.discordanceSource).toBe('rerun');
    const longTail = only?.slices.find((s) => s.slice === 'long-tail');
    expect(longTail?.discordance).toBeCloseTo(3 / 60, 12);
    expect(longTail?.n).toBe(60);
    const table = await runCli(['coverage', 'reports/support/bot.json', '--rerun', 'rerun.json'], dir);
    const row = table.stdout.split('\n').find((line) => line.startsWith('long-tail'));
    expect(
      row
        ?.trim()
        .split(/\s{2,}/)
        .slice(-3),
    ).toEqual(['5', '10', '20'].map((d) => (longTail?.needed[d] as number).toLocaleString('en-US')));
  });

  it('a missing baseline is exit 2 with what to run, nothing printed on stdout', async () => {
    const named = await runCli(['coverage', '--candidate', 'other'], dir);
    expect(named.code).toBe(2);
    expect(named.stdout).toBe('');
    expect(named.stderr).toContain('no baseline report at reports/support/other.json: run `evals run --candidate other`');
    const file = await runCli(['coverage', 'reports/support/none.json'], dir);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('reports/support/none.json: no such report');
  });
});
