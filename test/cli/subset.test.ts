import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp, selectSubset } from '../../src/goldensets/subset.js';
import { copyFixture, runCli } from './harness.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the subset of a suite --filter and --slice select', () => {
  const items = [
    { id: 'refund-1', slices: ['billing'] },
    { id: 'refund-2', slices: ['billing', 'long-tail'] },
    { id: 'login.1', slices: ['auth'] },
  ];

  it('matches id globs literally except * and ?', () => {
    expect(globToRegExp('refund-*').test('refund-12')).toBe(true);
    expect(globToRegExp('login.?').test('login.1')).toBe(true);
    expect(globToRegExp('login.?').test('loginx1x')).toBe(false);
    expect(globToRegExp('a+b').test('a+b')).toBe(true);
  });

  it('keeps items matching any filter, in any slice asked, both when both are given', () => {
    expect(selectSubset(items, { filters: ['refund-*', 'login.1'], slices: [] }, 's').map((i) => i.id)).toEqual(['refund-1', 'refund-2', 'login.1']);
    expect(selectSubset(items, { filters: [], slices: ['long-tail', 'auth'] }, 's').map((i) => i.id)).toEqual(['refund-2', 'login.1']);
    expect(selectSubset(items, { filters: ['refund-*'], slices: ['long-tail'] }, 's').map((i) => i.id)).toEqual(['refund-2']);
  });

  it('a slice that does not exist, or a filter that selects nothing, is a usage error saying what there is', () => {
    expect(() => selectSubset(items, { filters: [], slices: ['longtail'] }, 's')).toThrow(
      /--slice longtail: suite "s" has no such slice \(slices: auth, billing, long-tail\)/,
    );
    expect(() => selectSubset(items, { filters: ['refnud-*'], slices: [] }, 's')).toThrow(
      /--filter refnud-\*: no item of suite "s" matches \(ids look like "refund-1"/,
    );
  });
});

describe('evals run without --candidate, and with --filter / --slice', () => {
  it('runs the only candidate; with several, names them and exits 2', async () => {
    const dir = copyFixture('mini');
    const ambiguous = await runCli(['run', '--suite', 'lenient', '--quiet'], dir);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('which candidate? suite lenient is run by 3 candidates (echo, flaky, slow); pass --candidate <id>');
    writeFileSync(
      path.join(dir, 'one.config.mjs'),
      "export default { suites: { math: { goldenSets: ['mini.jsonl'], gate: { maxErrors: 10 } } }, candidates: { echo: { kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' } } } };\n",
    );
    const one = await runCli(['run', '--config', 'one.config.mjs', '--slice', 'math', '--quiet'], dir);
    expect(one.stderr).toBe('');
    expect(one.stdout).toContain('report: reports/math/echo.new.json');
  });

  it('a filtered run writes .new.* and never the baseline, even with -u; a full run with -u removes the .new.*', async () => {
    const dir = copyFixture('mini');
    const base = ['run', '--candidate', 'echo', '--suite', 'lenient', '--quiet'];
    expect((await runCli(base, dir)).code).toBe(0);
    const report = path.join(dir, 'reports', 'lenient', 'echo.json');
    const before = sha(report);

    for (const extra of [
      ['--filter', 'q-0?'],
      ['--slice', 'geo', '-u'],
      ['--filter', 'q-*', '--slice', 'math', '-u'],
    ]) {
      const { code, stdout } = await runCli([...base, ...extra], dir);
      expect(code, extra.join(' ')).toBeLessThan(2);
      expect(stdout).toContain('report: reports/lenient/echo.new.json');
      expect(stdout).toMatch(/The baseline was kept: this was a (--filter|--slice) .* run, not the full plan/);
      expect(sha(report)).toBe(before);
    }
    const subset = JSON.parse(readFileSync(path.join(dir, 'reports', 'lenient', 'echo.new.json'), 'utf8')) as { items: Array<{ id: string }> };
    expect(subset.items.map((i) => i.id)).toEqual(['q-01', 'q-04']);

    const full = await runCli([...base, '-u'], dir);
    expect(full.code).toBe(0);
    for (const ext of ['json', 'md', 'run.json', 'outputs.jsonl']) expect(existsSync(path.join(dir, 'reports', 'lenient', `echo.new.${ext}`)), ext).toBe(false);
    expect(existsSync(report)).toBe(true);
  });

  it('--filter with --shard is a usage error', async () => {
    const dir = copyFixture('mini');
    const { code, stderr } = await runCli(['run', '--candidate', 'echo', '--filter', 'q-*', '--shard', '1/2'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--shard splits the full plan/);
  });
});

describe('what the run says once', () => {
  it('"not scored: ..." once per run, however many suites share the missing judge', async () => {
    const dir = copyFixture('mini');
    writeFileSync(
      path.join(dir, 'judged.config.mjs'),
      `export default {
  suites: {
    one: { goldenSets: ['mini.jsonl'], judges: [{ kind: 'reference', judge: 'j' }], gate: { maxErrors: 10 } },
    two: { goldenSets: ['mini.jsonl'], judges: [{ kind: 'reference', judge: 'j' }], gate: { maxErrors: 10 } },
  },
  candidates: { echo: { kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' } } },
  judges: { j: { provider: 'openai', model: 'gpt-4o-mini', apiKeyEnv: 'EVALS_TEST_ABSENT_KEY' } },
};\n`,
    );
    const { stdout } = await runCli(['run', '--config', 'judged.config.mjs', '--slice', 'math', '--quiet'], dir);
    expect(stdout.match(/not scored: reference/g)).toHaveLength(1);
    expect(stdout).toMatch(/not scored: reference — .*EVALS_TEST_ABSENT_KEY/);
    expect(stdout.match(/^(one|two) · echo/gm)).toHaveLength(2);
  });
});
