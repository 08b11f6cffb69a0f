import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evals, expectClean, filesWithFakeKeys, project, reportHashes, waitFor } from './helpers-isolation.js';

/** A module candidate whose answers come from a local import; it stops at i-03 while `block` exists. */
const MODULE = `import { existsSync, writeFileSync } from 'node:fs';
import { prefix } from './lib.mjs';
const here = (f) => new URL(f, import.meta.url);
export default async (item, { signal }) => {
  if (item.id === 'i-03' && existsSync(here('block'))) {
    writeFileSync(here('ready'), '');
    await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
  }
  return { text: prefix + item.reference };
};
`;
/** The same as a command candidate, whose answers come from its script and a helper it imports. */
const SCRIPT = `import { existsSync, writeFileSync } from 'node:fs';
import { prefix } from './lib.mjs';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const item = JSON.parse(input);
  if (item.id === 'i-03' && existsSync('block')) { writeFileSync('ready', ''); setInterval(() => {}, 1000); return; }
  process.stdout.write(JSON.stringify({ text: prefix + item.reference }));
});
`;

const answers = (dir: string) =>
  readFileSync(path.join(dir, 'reports/s/c.outputs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);

/** Runs until i-03 blocks, then stops it like Ctrl-C: i-01 and i-02 are in the journal. */
async function interrupted(dir: string) {
  writeFileSync(path.join(dir, 'block'), '');
  const controller = new AbortController();
  const pending = evals(dir, ['run', '--candidate', 'c'], {}, controller.signal);
  await waitFor(() => existsSync(path.join(dir, 'ready')), 'the candidate to block on i-03');
  controller.abort();
  const stopped = await pending;
  expect(stopped.code).toBe(3);
  expect(stopped.stderr).toMatch(/Interrupted: 2\/6 items of s\/c are done/);
  rmSync(path.join(dir, 'block'));
  rmSync(path.join(dir, 'ready'));
}

describe('a resumed run knows when the candidate changed', () => {
  it.each([
    ['module', { type: 'module', path: 'candidate.mjs' }, 'candidate.mjs', MODULE],
    ['command', { type: 'command', command: ['node', 'candidate.mjs'], killGraceMs: 100 }, 'candidate.mjs', SCRIPT],
  ])('%s candidate: a change to its local import restarts every item, saying which file changed', async (_kind, adapter, file, source) => {
    // minScore 1: a failed item fails the gate, whatever six items' statistics say.
    const suites = { s: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0, minScore: 1 } } };
    const dir = project({ c: { kind: 'prompt', adapter, concurrency: 1 } }, { [file]: source, 'lib.mjs': "export const prefix = '';\n" }, { suites });
    expect((await evals(dir, ['run', '--candidate', 'c'])).code).toBe(0);
    await interrupted(dir);
    const before = reportHashes(dir);

    writeFileSync(path.join(dir, 'lib.mjs'), "export const prefix = 'v2: ';\n");
    const resumed = await evals(dir, ['run', '--candidate', 'c']);
    // Every answer now fails `equals`: the gate fails, and the baseline stays.
    expectClean(resumed, 1, before, dir);
    expect(resumed.stderr).toContain(
      "s/c: the candidate's code changed since the interrupted run (lib.mjs); its saved answers are not reused, all items run again",
    );
    const head = JSON.parse(readFileSync(path.join(dir, 'reports/s/c.new.run.json'), 'utf8')) as { resumed: number };
    expect(head.resumed).toBe(0);
    const fresh = readFileSync(path.join(dir, 'reports/s/c.new.outputs.jsonl'), 'utf8');
    expect(fresh.match(/v2: /g)).toHaveLength(6);
  });

  it('an unchanged candidate resumes: the two saved answers are kept', async () => {
    const dir = project(
      { c: { kind: 'prompt', adapter: { type: 'module', path: 'candidate.mjs' }, concurrency: 1 } },
      { 'candidate.mjs': MODULE, 'lib.mjs': "export const prefix = '';\n" },
    );
    await interrupted(dir);
    const resumed = await evals(dir, ['run', '--candidate', 'c']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/code changed/);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.run.json'), 'utf8'))).toMatchObject({ planned: 6, resumed: 2 });
    expect(answers(dir)).toHaveLength(6);
  });

  it('a change to the module file itself is named too', async () => {
    const dir = project(
      { c: { kind: 'prompt', adapter: { type: 'module', path: 'candidate.mjs' }, concurrency: 1 } },
      { 'candidate.mjs': MODULE, 'lib.mjs': "export const prefix = '';\n" },
    );
    await interrupted(dir);
    writeFileSync(path.join(dir, 'candidate.mjs'), `${MODULE}// tuned\n`);
    const resumed = await evals(dir, ['run', '--candidate', 'c']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/code changed since the interrupted run \(candidate\.mjs\)/);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.run.json'), 'utf8'))).toMatchObject({ resumed: 0 });
  });

  afterAll(() => {
    expect(filesWithFakeKeys().leaks).toEqual([]);
  });
});
