import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ItemResultSchema, type ItemResult } from './result.js';

export function resultKey(itemId: string, epoch: number): string {
  return `${itemId}#${epoch}`;
}

export interface JournalState {
  /** The latest record for each item x epoch found on disk. */
  results: Map<string, ItemResult>;
  /** Lines that could not be read (a write torn by a crash); they are dropped and redone. */
  dropped: number;
}

/**
 * Append-only JSONL record of finished items, so an interrupted run resumes without paying
 * again for what was answered. Each record is written with one synchronous write, so a
 * `kill -9` leaves at worst one torn last line, which `read` drops.
 */
export class Journal {
  private fd: number | undefined;

  constructor(readonly file: string) {}

  /** Reads what an earlier, interrupted run left; cuts a torn tail so appends stay line-aligned. */
  read(): JournalState {
    const results = new Map<string, ItemResult>();
    if (!existsSync(this.file)) return { results, dropped: 0 };
    const text = readFileSync(this.file, 'utf8');
    let dropped = 0;
    let goodBytes = 0;
    let offset = 0;
    for (const line of text.split('\n')) {
      const end = offset + Buffer.byteLength(line) + 1;
      offset = end;
      if (line.trim() === '') continue;
      const record = parseRecord(line);
      if (record) {
        results.set(resultKey(record.itemId, record.epoch), record);
        goodBytes = Math.min(end, Buffer.byteLength(text));
      } else {
        dropped++;
      }
    }
    if (goodBytes < Buffer.byteLength(text)) truncateSync(this.file, goodBytes);
    return { results, dropped };
  }

  append(result: ItemResult): void {
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a');
    }
    writeSync(this.fd, `${JSON.stringify(result)}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** A finished run's journal is removed: the report is the record, and a later run starts fresh. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}

function parseRecord(line: string): ItemResult | undefined {
  try {
    const parsed = ItemResultSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
