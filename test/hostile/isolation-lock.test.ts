import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, evals, expectClean, filesWithFakeKeys, project, reportHashes, spawnEvals, waitFor } from './helpers-isolation.js';

/** A module candidate that says it has started, then holds its first call until `go` exists. */
const BLOCKER = `import { existsSync, writeFileSync } from 'node:fs';
const here = (f) => new URL(f, import.meta.url);
export default async (item) => {
  writeFileSync(here('ready'), String(process.pid));
  await new Promise((resolve) => { const t = setInterval(() => { if (existsSync(here('go'))) { clearInterval(t); resolve(); } }, 5); });
  return { text: item.reference };
};
`;

function base(): string {
  const dir = project({ c: { kind: 'prompt', adapter: { type: 'module', path: 'blocker.mjs' }, concurrency: 1 } }, { 'blocker.mjs': BLOCKER });
  writeFileSync(path.join(dir, 'go'), '');
  return dir;
}

const locks = (dir: string) => {
  const folder = path.join(dir, '.evals-runs', '.locks', 's');
  return existsSync(folder) ? readdirSync(folder) : [];
};

describe('one run at a time per journal', () => {
  // A project with a committed report, read only: each test below works on a copy of it.
  let committed: string;
  beforeAll(async () => {
    committed = base();
    const first = await evals(committed, ['run', '--candidate', 'c']);
    expect(first.code).toBe(0);
    expect(Object.keys(reportHashes(committed))).toContain('reports/s/c.json');
    expect(locks(committed)).toEqual([]);
    rmSync(path.join(committed, 'ready'));
  });

  it('a second run of the same suite and candidate refuses with exit 2, naming the pid and the lock, before calling anything', async () => {
    const dir = copyProject(committed);
    const before = reportHashes(dir);
    rmSync(path.join(dir, 'go'));
    const first = spawnEvals(dir, ['run', '--candidate', 'c', '--fresh']);
    await waitFor(() => existsSync(path.join(dir, 'ready')), 'the first run to start its first call');
    const second = await evals(dir, ['run', '--candidate', 'c']);
    expectClean(second, 2, before, dir);
    expect(second.stderr).toMatch(
      new RegExp(`another evals run \\(pid ${first.pid} on .+\\) is using this journal; lock: \\.evals-runs/\\.locks/s/c-[0-9a-f]+\\.lock`),
    );
    // --fresh must not remove a journal another run is writing.
    const fresh = await evals(dir, ['run', '--candidate', 'c', '--fresh']);
    expectClean(fresh, 2, before, dir);
    writeFileSync(path.join(dir, 'go'), '');
    const done = await first.exited;
    expect(done.code).toBe(0);
    expect(locks(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that is gone (kill -9), and removes it when done', async () => {
    const dir = copyProject(committed);
    rmSync(path.join(dir, 'go'));
    const first = spawnEvals(dir, ['run', '--candidate', 'c']);
    await waitFor(() => existsSync(path.join(dir, 'ready')), 'the first run to start its first call');
    expect(locks(dir)).toHaveLength(1);
    first.kill('SIGKILL');
    await first.exited;
    expect(locks(dir)).toHaveLength(1);
    writeFileSync(path.join(dir, 'go'), '');
    const again = await evals(dir, ['run', '--candidate', 'c']);
    expect(again.code, again.stderr).toBe(0);
    expect(locks(dir)).toEqual([]);
  });

  it('a lock file whose pid is dead on this host is stale', async () => {
    const dir = copyProject(committed);
    rmSync(path.join(dir, 'go'));
    // Learn the lock's name from a run that is stopped (Ctrl-C) once it holds it.
    const controller = new AbortController();
    const pending = evals(dir, ['run', '--candidate', 'c'], {}, controller.signal);
    await waitFor(() => existsSync(path.join(dir, 'ready')) && locks(dir).length === 1, 'the run to take its lock');
    const [name] = locks(dir);
    controller.abort();
    writeFileSync(path.join(dir, 'go'), '');
    const stopped = await pending;
    expect(stopped.code).toBe(3);
    expect(stopped.stderr).toMatch(/Interrupted: /);
    expect(locks(dir)).toEqual([]);
    // A pid that has just exited is a dead pid.
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('close', resolve));
    const lock = path.join(dir, '.evals-runs', '.locks', 's', name as string);
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), token: 'left-behind', since: new Date().toISOString() }));
    const again = await evals(dir, ['run', '--candidate', 'c']);
    expect(again.code, again.stderr).toBe(0);
    expect(locks(dir)).toEqual([]);
  });

  afterAll(() => {
    expect(filesWithFakeKeys().leaks).toEqual([]);
  });
});
