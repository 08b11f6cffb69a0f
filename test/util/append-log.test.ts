import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppendLog, PositionReader, type LineAt } from '../../src/util/append-log.js';

describe('PositionReader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-append-log-'));

  it('reads every line back exactly, in any order, across its read-ahead windows', () => {
    const log = new AppendLog(path.join(dir, 'lines.log'));
    // Multi-byte text, lines that straddle 64 KB windows, and one longer than a window.
    const lines = Array.from({ length: 3000 }, (_, i) => `${i} ${'é✓'.repeat(i % 40)} ${'x'.repeat(i === 1500 ? 70_000 : i % 97)}`);
    const ats: LineAt[] = lines.map((line) => log.append(line));
    log.close();
    const fd = openSync(log.file, 'r');
    try {
      const reader = new PositionReader(fd);
      // A shuffled order (fixed seed) beside the written one, so windows are reused and evicted.
      const order = lines.map((_, i) => (i * 7919) % lines.length);
      for (const i of [...order, ...order.keys()]) expect(reader.read(ats[i] as LineAt)).toBe(lines[i]);
    } finally {
      closeSync(fd);
    }
  });

  it('reads a line appended after its window was read from the file, not from the stale window', () => {
    const log = new AppendLog(path.join(dir, 'growing.log'));
    const first = log.append('first');
    expect(log.read(first)).toBe('first');
    const second = log.append('second');
    expect(log.read(second)).toBe('second');
    expect(log.read(first)).toBe('first');
    log.close();
  });
});

describe('AppendLog', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-append-log-'));

  it('writes lines in order with the positions it gave, past a full queue and for a line longer than the queue', async () => {
    const log = new AppendLog(path.join(dir, 'big.log'));
    const lines = Array.from({ length: 40 }, (_, i) => `${i} ${'é'.repeat(i === 20 ? 1_200_000 : 30_000)}`);
    const ats = lines.map((line) => log.append(line));
    await log.flushed();
    const text = readFileSync(log.file, 'utf8');
    expect(text).toBe(`${lines.join('\n')}\n`);
    const bytes = readFileSync(log.file);
    lines.forEach((line, i) => {
      const at = ats[i] as LineAt;
      expect(bytes.toString('utf8', at.offset, at.offset + at.length)).toBe(line);
    });
    log.close();
  });
});
