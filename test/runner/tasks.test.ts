import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CandidateError } from '../../src/candidates/adapter.js';
import { TaskJournal } from '../../src/runner/task-journal.js';
import { runTasks, type Task } from '../../src/runner/tasks.js';

const journalIn = () => new TaskJournal(path.join(mkdtempSync(path.join(tmpdir(), 'evals-tasks-')), 'j.jsonl'), z.number());

/** Tasks that return their index times ten, counting the calls each makes. */
function counted(n: number, run: (i: number, signal: AbortSignal) => Promise<number> = async (i) => i * 10) {
  const calls = new Map<string, number>();
  const tasks: Task<number>[] = Array.from({ length: n }, (_, i) => ({
    key: `t${i}`,
    run: (signal) => {
      calls.set(`t${i}`, (calls.get(`t${i}`) ?? 0) + 1);
      return run(i, signal);
    },
  }));
  return { tasks, calls };
}

const failedAsMinusOne = (_task: unknown, err: unknown): number | undefined => (err instanceof CandidateError ? -1 : undefined);

/** runTasks with the defaults these tests share: two at a time, a 10 s deadline, no Ctrl-C. */
const runAll = (tasks: Task<number>[], journal: TaskJournal<number> | undefined, options: Partial<Parameters<typeof runTasks<number>>[0]> = {}) =>
  runTasks({
    tasks,
    limit: pLimit(2),
    timeoutMs: 10_000,
    interrupt: new AbortController().signal,
    ...(journal ? { journal } : {}),
    failed: failedAsMinusOne,
    ...options,
  });

describe('runTasks', () => {
  it('journals finished tasks, and a second run pays only for those not final', async () => {
    const journal = journalIn();
    const first = counted(4);
    const done = await runAll(first.tasks, journal, { final: (v) => v !== 20 });
    expect([...done.results.entries()].sort()).toEqual([
      ['t0', 0],
      ['t1', 10],
      ['t2', 20],
      ['t3', 30],
    ]);
    expect(done.resumed).toBe(0);

    const again = counted(4);
    const resumed = await runAll(again.tasks, journal);
    expect(resumed.resumed).toBe(3);
    expect([...again.calls.keys()]).toEqual(['t2']);
    expect(resumed.results.get('t2')).toBe(20);
  });

  it('leaves the tasks cut by Ctrl-C unrecorded, and a resumed run finishes them', async () => {
    const journal = journalIn();
    const controller = new AbortController();
    let started = 0;
    const first = counted(6, (i, signal) => {
      if (i < 2) return Promise.resolve(i * 10);
      if (++started === 2) controller.abort();
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    });
    const cut = await runAll(first.tasks, journal, { interrupt: controller.signal });
    expect(cut.interrupted).toBe(true);
    expect([...cut.results.keys()].sort()).toEqual(['t0', 't1']);

    const again = counted(6);
    const resumed = await runAll(again.tasks, journal);
    expect(resumed).toMatchObject({ resumed: 2, interrupted: false });
    expect([...again.calls.keys()].sort()).toEqual(['t2', 't3', 't4', 't5']);
    expect(resumed.results.size).toBe(6);
  });

  it('cuts a task at its deadline even when the work ignores its signal, and a bug stops the run', async () => {
    const hung = counted(1, () => new Promise<number>(() => undefined));
    const done = await runAll(hung.tasks, undefined, { limit: pLimit(1), timeoutMs: 5 });
    expect(done.results.get('t0')).toBe(-1);

    const buggy = counted(3, (i) => (i === 1 ? Promise.reject(new TypeError('a bug')) : Promise.resolve(i)));
    await expect(runAll(buggy.tasks, undefined, { limit: pLimit(1) })).rejects.toThrow('a bug');
  });

  it('drops a torn or invalid journal line and does that task again', async () => {
    const journal = journalIn();
    journal.append('t0', 0);
    journal.close();
    appendFileSync(journal.file, '{"key":"t1","value":"ten"}\n{"key":"t2","val');
    const again = counted(3);
    const done = await runAll(again.tasks, journal, { limit: pLimit(1) });
    expect(done.resumed).toBe(1);
    expect([...again.calls.keys()].sort()).toEqual(['t1', 't2']);
  });
});
