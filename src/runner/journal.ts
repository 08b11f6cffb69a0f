import { closeSync, existsSync, fstatSync, openSync, rmSync, truncateSync } from 'node:fs';
import { AppendLog, PositionReader, checksum, eachLine, type LineAt } from '../util/append-log.js';
import { ItemResultSchema, type ItemResult } from '../contracts/item-result.js';

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

/** The values of entries keyed by resultKey (a map), in byResultKey order; each key is split once, not at every comparison. */
export function inResultOrder<T>(byKey: Iterable<[string, T]>): T[] {
  const entries = [...byKey].map(([key, value]) => {
    const hash = key.lastIndexOf('#');
    return { id: key.slice(0, hash), epoch: Number(key.slice(hash + 1)), value };
  });
  entries.sort((a, b) => (a.id !== b.id ? (a.id < b.id ? -1 : 1) : a.epoch - b.epoch));
  return entries.map((entry) => entry.value);
}

/** Where a record sits in the journal file, so it can be read back without keeping it in memory. */
export type RecordAt = LineAt;

/**
 * Each record ends in `,"crc":"<8 hex>"}`: the CRC-32 of the record without it. A record whose
 * checksum holds was written by this code from a validated result and is whole, so reading it back
 * skips the schema; any other line is validated as before (a hand-edited or older journal).
 */
const CRC_SUFFIX = ',"crc":"00000000"}'.length;

function encode(result: ItemResult): string {
  const json = JSON.stringify(result);
  return `${json.slice(0, -1)},"crc":"${checksum(json)}"}`;
}

function decode(line: string): ItemResult | undefined {
  if (line.length > CRC_SUFFIX && line.endsWith('"}') && line.startsWith(',"crc":"', line.length - CRC_SUFFIX)) {
    const json = `${line.slice(0, -CRC_SUFFIX)}}`;
    if (checksum(json) === line.slice(-10, -2)) return JSON.parse(json) as ItemResult;
  }
  try {
    const parsed = ItemResultSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Append-only JSONL record of finished items, so an interrupted run resumes without paying
 * again for what was answered. Records are group-committed once per tick (src/util/append-log.ts),
 * so a `kill -9` loses at most that tick's results and leaves at worst one torn last line, which
 * `read` drops. Records are read back by position: a run keeps only scores in memory, and
 * answers stay on disk until the report needs them.
 */
export class Journal {
  private log: AppendLog;

  constructor(readonly file: string) {
    this.log = new AppendLog(file);
  }

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
      eachLine(fd, (bytes, start, end, offset) => {
        const text = bytes.toString('utf8', start, end);
        if (text.trim() === '') return;
        const record = decode(text);
        if (!record) {
          dropped++;
          return;
        }
        visit(record, { offset, length: end - start });
        goodEnd = offset + end - start + 1;
      });
      const size = fstatSync(fd).size;
      if (goodEnd < size) truncateSync(this.file, goodEnd);
    } finally {
      closeSync(fd);
    }
    return { dropped };
  }

  append(result: ItemResult): RecordAt {
    return this.log.append(encode(result));
  }

  /** Records read back from their positions, in the order given, through one open file. */
  *readAll(ats: Iterable<RecordAt>): Generator<ItemResult> {
    this.log.flushNow();
    let fd: number | undefined;
    let reader: PositionReader | undefined;
    try {
      for (const at of ats) {
        fd ??= openSync(this.file, 'r');
        reader ??= new PositionReader(fd);
        const record = decode(reader.read(at));
        if (!record) throw new Error(`${this.file}: no record at byte ${at.offset}`);
        yield record;
      }
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  close(): void {
    this.log.close();
  }

  /** A finished run's journal is removed: the report is the record, and a later run starts fresh. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
