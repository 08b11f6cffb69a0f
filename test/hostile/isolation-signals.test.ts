import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evals, expectClean, filesWithFakeKeys, processGone, project, reportHashes, spawnEvals, waitFor } from './helpers-isolation.js';

/**
 * A command candidate that answers i-01 at once and, while `hang` exists, hangs on every other
 * item after starting a grandchild in its process group and writing both pids.
 */
const SLEEPER = `import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const item = JSON.parse(input);
  if (item.id === 'i-01' || !existsSync('hang')) return process.stdout.write(JSON.stringify({ text: item.reference }));
  const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  writeFileSync('pids', process.pid + ' ' + grandchild.pid);
  setInterval(() => {}, 1000);
});
`;

const journals = (dir: string) => {
  const folder = path.join(dir, '.evals-runs', 's');
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.jsonl')) : [];
};

describe('SIGTERM is handled like Ctrl-C', () => {
  // SIGINT takes the same path (and test/resume/kill.test.ts covers it with a judge).
  it.each([['SIGTERM' as const]])('%s: the candidate process groups are ended, the journal kept, "Interrupted" printed, exit 3', async (signal) => {
    const dir = project(
      { sleeper: { kind: 'prompt', adapter: { type: 'command', command: ['node', 'sleeper.mjs'], killGraceMs: 200 }, concurrency: 1 } },
      { 'sleeper.mjs': SLEEPER },
    );
    expect((await evals(dir, ['run', '--candidate', 'sleeper'])).code).toBe(0);
    const before = reportHashes(dir);
    writeFileSync(path.join(dir, 'hang'), '');

    const run = spawnEvals(dir, ['run', '--candidate', 'sleeper', '--fresh']);
    // Both pids written, not only the file created: a file seen between its creation and its write
    // read as pid 0, and `kill(0, 0)` reaches this very process group, so it never looked gone.
    const written = () => (existsSync(path.join(dir, 'pids')) ? readFileSync(path.join(dir, 'pids'), 'utf8').split(' ').map(Number) : []);
    await waitFor(() => written().length === 2 && written().every((pid) => pid > 0), 'the candidate to hang');
    const pids = written();
    run.kill(signal);
    const done = await run.exited;
    expectClean(done, 3, before, dir);
    expect(done.stderr).toMatch(new RegExp(`Stopping \\(${signal}\\): finishing the journal`));
    expect(done.stderr).toMatch(/Interrupted: 1\/6 items of s\/sleeper are done and saved in \.evals-runs\/s\/sleeper-[0-9a-f]+\.jsonl/);
    for (const pid of pids) await waitFor(() => processGone(pid), `pid ${pid} to be gone`);
    expect(journals(dir)).toHaveLength(1);

    rmSync(path.join(dir, 'hang'));
    const resumed = await evals(dir, ['run', '--candidate', 'sleeper']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/s/sleeper.run.json'), 'utf8'))).toMatchObject({ planned: 6, resumed: 1 });
    expect(journals(dir)).toEqual([]);
  });

  afterAll(() => {
    expect(filesWithFakeKeys().leaks).toEqual([]);
  });
});
