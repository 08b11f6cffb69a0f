import { appendFileSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, resultKey } from '../../src/runner/journal.js';
import type { ItemResult } from '../../src/runner/result.js';

const result = (itemId: string, extra: Partial<ItemResult> = {}): ItemResult => ({
  itemId,
  epoch: 0,
  output: { text: `answer ${itemId}`, latencyMs: 5 },
  checks: [{ name: 'equals', type: 'equals', pass: true, score: 1 }],
  judgments: [],
  latencyMs: 5,
  ...extra,
});

describe('Journal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-journal-'));

  it('reads back what was appended, the latest record per item winning', () => {
    const journal = new Journal(path.join(dir, 'a', 'run.jsonl'));
    journal.append(result('x', { error: { kind: 'timeout', message: 'slow' }, checks: [] }));
    journal.append(result('y'));
    journal.append(result('x'));
    journal.close();
    const { results, dropped } = new Journal(journal.file).read();
    expect(dropped).toBe(0);
    expect([...results.keys()].sort()).toEqual([resultKey('x', 0), resultKey('y', 0)]);
    expect(results.get(resultKey('x', 0))?.error).toBeUndefined();
  });

  it('drops a torn last line, cuts it off, and appends cleanly after it', () => {
    const file = path.join(dir, 'torn.jsonl');
    const journal = new Journal(file);
    journal.append(result('a'));
    journal.close();
    appendFileSync(file, '{"itemId":"b","epoch":0,"outp');
    const reread = new Journal(file);
    const state = reread.read();
    expect(state.dropped).toBe(1);
    expect([...state.results.keys()]).toEqual([resultKey('a', 0)]);
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    reread.append(result('b'));
    reread.close();
    expect(new Journal(file).read()).toMatchObject({ dropped: 0 });
    expect(new Journal(file).read().results.size).toBe(2);
  });

  it('skips a corrupt record in the middle without losing the rest', () => {
    const file = path.join(dir, 'mid.jsonl');
    appendFileSync(file, `${JSON.stringify(result('a'))}\nnot json\n${JSON.stringify(result('b'))}\n`);
    const state = new Journal(file).read();
    expect(state.dropped).toBe(1);
    expect(state.results.size).toBe(2);
  });

  it('is empty when there is no file, and remove deletes it', () => {
    const journal = new Journal(path.join(dir, 'none.jsonl'));
    expect(journal.read().results.size).toBe(0);
    journal.append(result('a'));
    journal.remove();
    expect(existsSync(journal.file)).toBe(false);
  });
});
