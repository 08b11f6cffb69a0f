import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ITEMS, copyProject, evals, expectClean, filesWithFakeKeys, project, reportHashes, spawnEvals } from './helpers-isolation.js';

/**
 * A module candidate that misbehaves on item i-02 as `mode.txt` says, and answers every other
 * item correctly. `mode.txt` absent: it behaves.
 */
const HOSTILE = `import { readFileSync } from 'node:fs';
const mode = (() => { try { return readFileSync(new URL('./mode.txt', import.meta.url), 'utf8').trim(); } catch { return 'ok'; } })();
if (mode === 'exit-on-load') process.exit(3);
if (mode === 'throw-on-load') throw new Error('cannot find my model weights');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export default async (item) => {
  if (item.id === 'i-02') {
    if (mode === 'exit') process.exit(7);
    if (mode === 'async-throw') { setTimeout(() => { throw new Error('late boom'); }, 0); await wait(60_000); }
    if (mode === 'unhandled') { Promise.reject(new Error('nobody catches me')); await wait(60_000); }
    if (mode === 'loop') { for (;;) {} }
    if (mode === 'function') return { text: 'x', extra: () => 1 };
    if (mode === 'never') return new Promise(() => {});
    if (mode === 'redos') return 'a'.repeat(40) + '!';
    if (mode === 'redos-json') return JSON.stringify('a'.repeat(40) + '!');
  }
  if (mode === 'json' || mode === 'redos-json') return JSON.stringify(item.reference);
  return { text: item.reference };
};
`;

/** `^(a+)+$` backtracks exponentially on forty a's and a '!': minutes, unguarded. */
const EVIL = '^(a+)+$|^Answer';
const suites = {
  s: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0 } },
  lenient: { goldenSets: ['set.jsonl'], gate: { maxErrors: 100 } },
  // minScore 1: one failed item fails the gate, whatever the statistics of six items say.
  rx: { goldenSets: ['plain.jsonl'], checks: [{ type: 'regex', pattern: EVIL }], gate: { minScore: 1 } },
  rxjson: { goldenSets: ['plain.jsonl'], checks: [{ type: 'json-schema', schema: { type: 'string', pattern: EVIL } }], gate: { minScore: 1 } },
};

/** The project, with committed reports of `h` on both suites from a run where it behaved. */
let committed: string | undefined;
async function prepared(mode: string): Promise<{ dir: string; before: Record<string, string> }> {
  if (!committed) {
    committed = project(
      // 2 s: the item after a crash waits for a fresh worker to start, which can take over 1 s on a loaded machine.
      { h: { kind: 'prompt', adapter: { type: 'module', path: 'hostile.mjs' }, concurrency: 1, timeoutSeconds: 2 } },
      { 'hostile.mjs': HOSTILE, 'plain.jsonl': ITEMS.map((item) => JSON.stringify(item)).join('\n') },
      { suites },
    );
    for (const suite of ['s', 'lenient']) expect((await evals(committed, ['run', '--candidate', 'h', '--suite', suite])).code).toBe(0);
  }
  const dir = copyProject(committed);
  writeFileSync(path.join(dir, 'mode.txt'), mode);
  return { dir, before: reportHashes(dir) };
}

interface Row {
  id: string;
  pass: boolean;
  error?: { kind: string; message: string };
}
const items = (dir: string, file: string) => (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { items: Row[] }).items;

describe("the user's module cannot end or hang the harness", () => {
  it.each([
    ['process.exit(7)', 'exit', 'crash', /^the module candidate called process\.exit\(7\); it was restarted$/],
    ['an asynchronous throw', 'async-throw', 'crash', /^the module candidate threw outside a call's promise: late boom; it was restarted$/],
    [
      'an unhandled rejection',
      'unhandled',
      'crash',
      /^the module candidate threw outside a call's promise: unhandled promise rejection: nobody catches me; it was restarted$/,
    ],
    ['an answer that cannot leave its thread (a function inside)', 'function', 'crash', /could not be cloned/],
    ['a promise that never settles', 'never', 'timeout', /timed out after 2000 ms/],
  ])('%s ends that item in an error; the run goes on with a fresh module', async (_name, mode, kind, message) => {
    const { dir, before } = await prepared(mode);
    // Over the budget (maxErrors 0): exit 3, the reason on the terminal, no committed report changed.
    const strict = await evals(dir, ['run', '--candidate', 'h', '--suite', 's']);
    expectClean(strict, 3, before, dir);
    expect(strict.stderr).toMatch(new RegExp(`s/h: 1 item ended in an error[^\\n]*:\\n  .*${message.source.replace(/^\^|\$$/g, '')}`));
    const lenient = await evals(dir, ['run', '--candidate', 'h', '--suite', 'lenient']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).not.toMatch(/\n\s+at /);
    const rows = items(dir, 'reports/lenient/h.json');
    expect(rows.filter((r) => r.error).map((r) => r.id)).toEqual(['i-02']);
    expect(rows.find((r) => r.id === 'i-02')?.error?.kind).toBe(kind);
    expect(rows.find((r) => r.id === 'i-02')?.error?.message).toMatch(message);
    expect(rows.filter((r) => r.pass)).toHaveLength(5);
  });

  it('a synchronous endless loop times out the item, and the blocked module is replaced', async () => {
    const { dir } = await prepared('loop');
    const started = Date.now();
    // A timeout long enough for the next item to wait out the verdict on the blocked module and
    // a fresh one's start, even on a busy machine.
    const lenient = await evals(dir, ['run', '--candidate', 'h', '--suite', 'lenient', '--timeout', '3']);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    const rows = items(dir, 'reports/lenient/h.json');
    expect(rows.find((r) => r.id === 'i-02')?.error).toEqual({ kind: 'timeout', message: 'timed out after 3000 ms' });
    expect(rows.filter((r) => r.pass)).toHaveLength(5);
  });

  it.each([
    ['process.exit while loading', 'exit-on-load', /cannot load module candidate .*hostile\.mjs: it called process\.exit\(3\) while loading/],
    ['a throw while loading', 'throw-on-load', /cannot load module candidate .*hostile\.mjs: cannot find my model weights/],
  ])('%s is exit 2 with the reason, before anything runs', async (_name, mode, message) => {
    const { dir, before } = await prepared(mode);
    const run = await evals(dir, ['run', '--candidate', 'h', '--suite', 's']);
    expectClean(run, 2, before, dir);
    expect(run.stderr).toMatch(message);
  });

  it('process.exit in a real process: the harness reports the item, never exits 0 with no report', async () => {
    const { dir } = await prepared('exit');
    const child = spawnEvals(dir, ['run', '--candidate', 'h', '--suite', 'lenient']);
    const done = await child.exited;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(dir, 'reports/lenient/h.md'))).toBe(true);
    expect(items(dir, 'reports/lenient/h.json').find((r) => r.id === 'i-02')?.error?.message).toMatch(/process\.exit\(7\)/);
  });

  it.each([
    ['a regex check', 'ok', 'redos', 'rx', /^regex: check error: \/\^\(a\+\)\+\$\|\^Answer\/ ran for over 1000 ms on a 41-character answer and was stopped/],
    ['a JSON Schema pattern', 'json', 'redos-json', 'rxjson', /^json-schema: check error: \/\^\(a\+\)\+\$\|\^Answer\/u ran for over 1000 ms/],
  ])(
    '%s that backtracks catastrophically is stopped after a second: the item fails with the reason, the gate fails, the baseline stays',
    async (_name, good, evil, suite, reason) => {
      const { dir } = await prepared(good);
      const baseline = await evals(dir, ['run', '--candidate', 'h', '--suite', suite]);
      expect(baseline.code, baseline.stderr).toBe(0);
      const before = reportHashes(dir);
      writeFileSync(path.join(dir, 'mode.txt'), evil);
      const started = Date.now();
      const run = await evals(dir, ['run', '--candidate', 'h', '--suite', suite, '--summary', 'summary.md']);
      expect(Date.now() - started).toBeLessThan(10_000);
      expectClean(run, 1, before, dir);
      expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toMatch(/i-02/);
      const head = JSON.parse(readFileSync(path.join(dir, 'reports', suite, 'h.new.json'), 'utf8')) as { items: Array<{ id: string; failures?: string[] }> };
      expect(head.items.filter((i) => i.failures?.length).map((i) => i.id)).toEqual(['i-02']);
      expect(head.items.find((i) => i.id === 'i-02')?.failures?.[0]).toMatch(reason);
    },
  );

  afterAll(() => {
    expect(filesWithFakeKeys().leaks).toEqual([]);
  });
});
