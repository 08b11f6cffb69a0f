import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, byResultKey, inResultOrder, resultKey, type RecordAt } from '../../src/runner/journal.js';
import type { ItemResult } from '../../src/contracts/item-result.js';

const result = (itemId: string, extra: Partial<ItemResult> = {}): ItemResult => ({
  itemId,
  epoch: 0,
  output: { text: `answer ${itemId}`, latencyMs: 5 },
  checks: [{ name: 'equals', type: 'equals', pass: true, score: 1 }],
  judgments: [],
  latencyMs: 5,
  ...extra,
});

/** The latest record per key, as the runner keeps them. */
function latest(journal: Journal) {
  const byKey = new Map<string, { result: ItemResult; at: RecordAt }>();
  const { dropped } = journal.read((r, at) => byKey.set(resultKey(r.itemId, r.epoch), { result: r, at }));
  return { byKey, dropped };
}

describe('Journal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-journal-'));

  it('reads back what was appended, in order, so the latest record per item wins', () => {
    const journal = new Journal(path.join(dir, 'a', 'run.jsonl'));
    journal.append(result('x', { error: { kind: 'timeout', message: 'slow' }, checks: [] }));
    journal.append(result('y'));
    journal.append(result('x'));
    journal.close();
    const { byKey, dropped } = latest(new Journal(journal.file));
    expect(dropped).toBe(0);
    expect([...byKey.keys()].sort()).toEqual([resultKey('x', 0), resultKey('y', 0)]);
    expect(byKey.get(resultKey('x', 0))?.result.error).toBeUndefined();
  });

  it('reads records back by position, without keeping them in memory', () => {
    const journal = new Journal(path.join(dir, 'positions.jsonl'));
    const ats = ['a', 'b', 'c'].map((id) => journal.append(result(id, { output: { text: `ünïcode ${id} ✓` } })));
    journal.close();
    expect([...journal.readAll([ats[2]!, ats[0]!])].map((r) => r.output?.text)).toEqual(['ünïcode c ✓', 'ünïcode a ✓']);
    const reread = latest(new Journal(journal.file)).byKey;
    expect(reread.get(resultKey('b', 0))?.at).toEqual(ats[1]);
  });

  it('continues positions correctly when appending to an existing journal', () => {
    const file = path.join(dir, 'continue.jsonl');
    const first = new Journal(file);
    first.append(result('a'));
    first.close();
    const second = new Journal(file);
    const at = second.append(result('b'));
    second.close();
    expect([...second.readAll([at])][0]?.itemId).toBe('b');
  });

  it('drops a torn last line, cuts it off, and appends cleanly after it', () => {
    const file = path.join(dir, 'torn.jsonl');
    const journal = new Journal(file);
    journal.append(result('a'));
    journal.close();
    appendFileSync(file, '{"itemId":"b","epoch":0,"outp');
    const reread = new Journal(file);
    const state = latest(reread);
    expect(state.dropped).toBe(1);
    expect([...state.byKey.keys()]).toEqual([resultKey('a', 0)]);
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    reread.append(result('b'));
    reread.close();
    expect(latest(new Journal(file))).toMatchObject({ dropped: 0 });
    expect(latest(new Journal(file)).byKey.size).toBe(2);
  });

  it('skips a corrupt record in the middle without losing the rest', () => {
    const file = path.join(dir, 'mid.jsonl');
    appendFileSync(file, `${JSON.stringify(result('a'))}\nnot json\n${JSON.stringify(result('b'))}\n`);
    const state = latest(new Journal(file));
    expect(state.dropped).toBe(1);
    expect(state.byKey.size).toBe(2);
  });

  it('reads a journal larger than its read chunk', () => {
    const file = path.join(dir, 'big.jsonl');
    const journal = new Journal(file);
    const big = 'x'.repeat(300_000);
    for (let i = 0; i < 8; i++) journal.append(result(`i${i}`, { output: { text: big } }));
    journal.close();
    const { byKey } = latest(new Journal(file));
    expect(byKey.size).toBe(8);
    expect([...journal.readAll([byKey.get(resultKey('i7', 0))!.at])][0]?.output?.text).toHaveLength(300_000);
  });

  it('is empty when there is no file, and remove deletes it', () => {
    const journal = new Journal(path.join(dir, 'none.jsonl'));
    expect(latest(journal).byKey.size).toBe(0);
    journal.append(result('a'));
    journal.remove();
    expect(existsSync(journal.file)).toBe(false);
  });

  it('orders result keys by item id, then epoch as a number', () => {
    expect(['b#0', 'a#10', 'a#2', 'a#0'].sort(byResultKey)).toEqual(['a#0', 'a#2', 'a#10', 'b#0']);
    const keys = ['b#0', 'a#10', 'a#2', 'a#0', 'a#b#1', 'a#b#0', '\u{1F600}#0', '\uFFFF#0'];
    expect(inResultOrder(new Map(keys.map((key) => [key, key])))).toEqual([...keys].sort(byResultKey));
  });
});
