import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, rmSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ItemResultSchema, type ItemResult } from './result.js';

export function resultKey(itemId: string, epoch: number): string {
  return `${itemId}#${epoch}`;
}

/** Result keys in report order: item id (code points), then epoch. */
export function byResultKey(a: string, b: string): number {
  const ia = a.slice(0, a.lastIndexOf('#'));
  const ib = b.slice(0, b.lastIndexOf('#'));
  if (ia !== ib) return ia < ib ? -1 : 1;
  return Number(a.slice(ia.length + 1)) - Number(b.slice(ib.length + 1));
}

/** Where a record sits in the journal file, so it can be read back without keeping it in memory. */
export interface RecordAt {
  offset: number;
  length: number;
}

const CHUNK = 1 << 20;

/**
 * Append-only JSONL record of finished items, so an interrupted run resumes without paying
 * again for what was answered. Each record is written with one synchronous write, so a
 * `kill -9` leaves at worst one torn last line, which `read` drops. Records are read back by
 * position: a run keeps only scores in memory, and answers stay on disk until the report needs them.
 */
export class Journal {
  private fd: number | undefined;
  private size = 0;

  constructor(readonly file: string) {}

  /**
   * Visits every readable record an earlier, interrupted run left (later records of the same item
   * come later), cuts a torn tail so appends stay line-aligned, and returns how many lines could
   * not be read.
   */
  read(visit: (result: ItemResult, at: RecordAt) => void): { dropped: number } {
    if (!existsSync(this.file)) return { dropped: 0 };
    let dropped = 0;
    let goodEnd = 0;
    const fd = openSync(this.file, 'r');
    try {
      for (const { line, at } of lines(fd)) {
        if (line.trim() === '') continue;
        const record = parseRecord(line);
        if (!record) {
          dropped++;
          continue;
        }
        visit(record, at);
        goodEnd = at.offset + at.length + 1;
      }
      const size = fstatSync(fd).size;
      if (goodEnd < size) truncateSync(this.file, goodEnd);
    } finally {
      closeSync(fd);
    }
    return { dropped };
  }

  append(result: ItemResult): RecordAt {
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'a+');
      this.size = fstatSync(this.fd).size;
    }
    const line = Buffer.from(`${JSON.stringify(result)}\n`);
    writeSync(this.fd, line);
    const at = { offset: this.size, length: line.length - 1 };
    this.size += line.length;
    return at;
  }

  /** Records read back from their positions, in the order given, through one open file. */
  *readAll(ats: Iterable<RecordAt>): Generator<ItemResult> {
    const positions = [...ats];
    if (positions.length === 0) return;
    const fd = openSync(this.file, 'r');
    try {
      for (const at of positions) {
        const buffer = Buffer.alloc(at.length);
        readSync(fd, buffer, 0, at.length, at.offset);
        const record = parseRecord(buffer.toString('utf8'));
        if (!record) throw new Error(`${this.file}: no record at byte ${at.offset}`);
        yield record;
      }
    } finally {
      closeSync(fd);
    }
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

/** The file's lines with their byte positions, read in chunks (a journal can be larger than memory likes). */
function* lines(fd: number): Generator<{ line: string; at: RecordAt }> {
  const buffer = Buffer.alloc(CHUNK);
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  let position = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    let data = Buffer.concat([carry, buffer.subarray(0, read)]);
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      yield { line: data.toString('utf8', start, nl), at: { offset: carryStart + start, length: nl - start } };
      start = nl + 1;
    }
    carryStart += start;
    data = data.subarray(start);
    carry = Buffer.from(data);
  }
  if (carry.length > 0) yield { line: carry.toString('utf8'), at: { offset: carryStart, length: carry.length } };
}

function parseRecord(line: string): ItemResult | undefined {
  try {
    const parsed = ItemResultSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
