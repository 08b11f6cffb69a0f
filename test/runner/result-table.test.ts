import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../src/contracts/item-result.js';
import type { GoldenItem } from '../../src/goldensets/item.js';
import { ResultTable } from '../../src/runner/result-table.js';

const item = (id: string): GoldenItem => ({ id, input: `q ${id}`, slices: [], sources: [], checks: [], metadata: {}, origin: { file: 'set.jsonl', line: 1 } });
const passed = [{ name: 'contains', type: 'contains', pass: true, score: 1 }];
const result = (itemId: string, epoch: number, extra: Partial<ItemResult> = {}): ItemResult => ({
  itemId,
  epoch,
  output: { text: `answer ${itemId}`, usage: { inputTokens: 10, outputTokens: 5 } },
  checks: passed.map((c) => ({ ...c })),
  judgments: [],
  latencyMs: 12.5,
  ...extra,
});

describe('ResultTable', () => {
  it('reads back each call as the summary a run keeps, by key, by item in epoch order, and in plan order', () => {
    const table = new ResultTable([item('b'), item('a')], 2);
    table.set(result('a', 1, { output: { text: 'x', cached: true, costUsd: 0.25 } }), { offset: 30, length: 9 });
    table.set(result('b', 0, { error: { kind: 'timeout', message: 'slow' }, checks: [], output: undefined, latencyMs: undefined }), { offset: 10, length: 9 });
    table.set(result('a', 0), { offset: 20, length: 9 });
    table.set(result('z', 0), { offset: 40, length: 9 });
    table.set(result('a', 2), { offset: 50, length: 9 });

    expect(table.size).toBe(3);
    expect(table.get('a#1')).toEqual({ itemId: 'a', epoch: 1, checks: passed, judgments: [], latencyMs: 12.5, costUsd: 0.25, cached: true });
    expect(table.get('b#0')).toEqual({ itemId: 'b', epoch: 0, checks: [], judgments: [], error: { kind: 'timeout', message: 'slow' } });
    expect(table.get('a#0')).toEqual({ itemId: 'a', epoch: 0, checks: passed, judgments: [], latencyMs: 12.5, usage: { inputTokens: 10, outputTokens: 5 } });
    expect([table.has('b#1'), table.has('z#0'), table.hasCall('a', 2)]).toEqual([false, false, false]);
    expect(table.resultsOf('a').map((r) => r.checks)).toEqual([passed, passed]);
    expect([...table.keys()]).toEqual(['b#0', 'a#0', 'a#1']);
    // Report order is by id, then epoch, whatever the plan's order.
    expect([...table.positions()].map((at) => at.offset)).toEqual([20, 30, 10]);

    table.delete('a', 0);
    expect(table.size).toBe(2);
    expect(table.resultsOf('a').map((r) => r.epoch)).toEqual([1]);
  });

  it('holds one copy of equal verdicts, not one per result', () => {
    const table = new ResultTable([item('a'), item('b')], 1);
    table.set(result('a', 0), { offset: 0, length: 1 });
    table.set(result('b', 0), { offset: 1, length: 1 });
    expect(table.get('a#0')?.checks).toBe(table.get('b#0')?.checks);
    expect(table.get('a#0')?.usage).toBe(table.get('b#0')?.usage);
  });
});
