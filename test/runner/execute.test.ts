import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { CandidateError, type Candidate } from '../../src/candidates/adapter.js';
import type { GoldenItem } from '../../src/goldensets/item.js';
import { execute, type PlannedCall } from '../../src/runner/execute.js';
import type { ItemResult } from '../../src/contracts/item-result.js';

const item = (id: string): GoldenItem => ({ id, input: `q ${id}`, slices: [], sources: [], checks: [], metadata: {}, origin: { file: 'x.jsonl', line: 1 } });
const calls = (n: number): PlannedCall[] => Array.from({ length: n }, (_, i) => ({ item: item(`i${i}`), epoch: 0 }));
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

async function runWith(candidate: Candidate, n: number, options: { concurrency?: number; timeoutMs?: number; interrupt?: AbortSignal } = {}) {
  const results: ItemResult[] = [];
  const outcome = await execute({
    calls: calls(n),
    candidate,
    limit: pLimit(options.concurrency ?? 4),
    timeoutMs: options.timeoutMs ?? 1000,
    interrupt: options.interrupt ?? new AbortController().signal,
    score: async (_item, output) => ({ checks: [{ name: 'len', type: 'length', pass: output.text.length > 3, score: 1 }], judgments: [] }),
    onResult: (r) => results.push(r),
  });
  return { results, ...outcome };
}

describe('execute', () => {
  it('ends every planned call as a result and respects the concurrency bound', async () => {
    let active = 0;
    let peak = 0;
    const { results, interrupted } = await runWith(
      {
        async generate(it) {
          active++;
          peak = Math.max(peak, active);
          await sleep(5);
          active--;
          return { text: `answer to ${it.id}` };
        },
      },
      40,
      { concurrency: 3 },
    );
    expect(interrupted).toBe(false);
    expect(results).toHaveLength(40);
    expect(new Set(results.map((r) => r.itemId)).size).toBe(40);
    expect(peak).toBe(3);
    expect(results.every((r) => r.checks[0]?.pass && (r.latencyMs ?? -1) >= 0)).toBe(true);
  });

  it('takes an answer at hand (a cache hit) without calling, with its recorded latency, and calls for the rest', async () => {
    const generated: string[] = [];
    const { results } = await runWith(
      {
        answered: (it) => (Number(it.id.slice(1)) % 2 === 0 ? { text: `cached ${it.id}`, latencyMs: 42, cached: true } : undefined),
        async generate(it) {
          generated.push(it.id);
          return { text: `fresh ${it.id}` };
        },
      },
      6,
    );
    expect(generated.sort()).toEqual(['i1', 'i3', 'i5']);
    const byId = new Map(results.map((r) => [r.itemId, r]));
    expect(byId.get('i2')).toMatchObject({ output: { text: 'cached i2', latencyMs: 42, cached: true }, latencyMs: 42 });
    expect(byId.get('i3')?.output?.text).toBe('fresh i3');
    expect(byId.get('i3')?.output?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('records failures with their kind and reason instead of dropping them', async () => {
    const { results } = await runWith(
      {
        async generate(it, { signal }) {
          if (it.id === 'i0') throw new CandidateError('exit code 1: boom', 'crash');
          if (it.id === 'i1') throw new TypeError('undefined is not a function');
          if (it.id === 'i2') await sleep(5_000, signal);
          return { text: 'fine answer' };
        },
      },
      4,
      { timeoutMs: 50 },
    );
    const byId = Object.fromEntries(results.map((r) => [r.itemId, r]));
    expect(byId.i0?.error).toEqual({ kind: 'crash', message: 'exit code 1: boom' });
    expect(byId.i1?.error).toEqual({ kind: 'crash', message: 'undefined is not a function' });
    expect(byId.i2?.error?.kind).toBe('timeout');
    expect(byId.i3?.error).toBeUndefined();
    expect(results.filter((r) => r.error).every((r) => r.checks.length === 0)).toBe(true);
  });

  it('cuts a call that ignores its abort signal at the timeout', async () => {
    const { results } = await runWith({ generate: () => new Promise(() => undefined) }, 2, { timeoutMs: 30 });
    expect(results.map((r) => r.error?.kind)).toEqual(['timeout', 'timeout']);
  });

  it('stops on interrupt and records nothing for calls cut short', async () => {
    const controller = new AbortController();
    let started = 0;
    const run = runWith(
      {
        async generate(_it, { signal }) {
          started++;
          if (started === 6) controller.abort();
          await sleep(started <= 4 ? 1 : 1_000, signal);
          return { text: 'done done' };
        },
      },
      100,
      { concurrency: 2, interrupt: controller.signal },
    );
    const { results, interrupted } = await run;
    expect(interrupted).toBe(true);
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.length).toBeLessThan(100);
    expect(results.every((r) => !r.error)).toBe(true);
  });
});
