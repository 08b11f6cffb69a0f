import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../../src/runner/progress.js';
import type { ItemResult } from '../../src/contracts/item-result.js';

const ok: ItemResult = { itemId: 'a', epoch: 0, checks: [{ name: 'x', type: 'x', pass: true, score: 1 }], judgments: [], latencyMs: 1 };
const bad: ItemResult = { itemId: 'b', epoch: 0, checks: [{ name: 'x', type: 'x', pass: false, score: 0 }], judgments: [], latencyMs: 1 };
const err: ItemResult = { itemId: 'c', epoch: 0, checks: [], error: { kind: 'timeout', message: 't' }, judgments: [], latencyMs: 1 };

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('progress', () => {
  it('redraws a bar with done/total, pass rate, errors and ETA on a terminal', () => {
    let out = '';
    const clock = fakeClock();
    const p = createProgress({ isTTY: true, write: (s) => (out += s) }, 'support/rag-v2', 4, 0, clock.now);
    clock.advance(1000);
    p.result(ok);
    clock.advance(1000);
    p.result(bad);
    expect(out).toContain('\r\x1b[2Ksupport/rag-v2 ████████████░░░░░░░░░░░░ 2/4 pass 50% errors 0 ETA 2s');
    p.result(err);
    p.finish();
    expect(out.endsWith('3/4 pass 33% errors 1 ETA 1s\n')).toBe(true);
  });

  it('prints a plain line every few seconds when not a terminal, and a final one', () => {
    const lines: string[] = [];
    const clock = fakeClock();
    const p = createProgress({ isTTY: false, write: (s) => lines.push(s) }, 'mini/echo', 10, 4, clock.now);
    p.result(ok);
    expect(lines).toEqual([]);
    clock.advance(6000);
    p.result(ok);
    expect(lines).toEqual(['mini/echo 6/10 pass 100% errors 0 ETA 12s\n']);
    p.finish();
    expect(lines).toHaveLength(2);
  });

  it('counts judged metrics in the pass rate, as the report does, and leaves out ungated ones and items with nothing to check', () => {
    const judged = (pass: boolean, metric = 'faithfulness'): ItemResult => ({
      ...ok,
      checks: [],
      judgments: [{ metric, judges: ['j'], kind: 'rubric', pass, score: pass ? 1 : 0, calls: 1, cachedCalls: 0 } as ItemResult['judgments'][number]],
    });
    let out = '';
    const p = createProgress({ isTTY: false, write: (s) => (out += s) }, 's/c', 4, 0, () => 0, new Set(['tone']));
    p.result(judged(false));
    p.result(judged(false, 'tone'));
    p.result({ ...ok, checks: [] });
    p.result({ ...ok, judgments: judged(false).judgments });
    p.finish();
    // faithfulness failed twice (alone and beside a passing check); tone does not gate; the empty item has no pass.
    expect(out).toBe('s/c 4/4 pass 33% errors 0 ETA 0s\n');
  });

  it('formats durations', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(125_000)).toBe('2m05s');
    expect(formatDuration(3_780_000)).toBe('1h03m');
  });
});
