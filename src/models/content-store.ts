import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { AppendLog, checksum, eachLine } from '../util/append-log.js';
import { PositionIndex } from '../util/position-index.js';

const KEY = /^[0-9a-f]{64}$/;
/** `<64 hex key>\t<8 hex crc>\t`, then the JSON value. */
const PREFIX = 64 + 1 + 8 + 1;

/**
 * Content-addressed JSON in one append-only log per namespace, `<dir>/<namespace>.log`, a line
 * per entry: `<sha256 key>\t<crc32 of the value>\t<compact JSON value>`. One file, not a file per
 * entry: a run writes its new entries in one write per tick (src/util/append-log.ts) instead of an
 * open, write, rename and close each, and a rerun reads the whole index in one pass instead of
 * opening thousands of files. The index (key -> position) is read once, at the first lookup;
 * values are read by position when asked for, so memory holds positions, not answers.
 * A torn or altered line fails its key or checksum check and is a miss; the last entry for a key
 * wins. The caller builds keys from everything that determines the value and nothing secret.
 */
export class ContentStore {
  readonly file: string;
  private readonly log: AppendLog;
  private index: PositionIndex | undefined;

  constructor(
    readonly dir: string,
    readonly namespace: string,
  ) {
    this.file = path.join(dir, `${namespace}.log`);
    this.log = new AppendLog(this.file);
  }

  /**
   * The value stored under `key`, or undefined. A value returned passed its checksum: this code
   * wrote it from data its caller had validated, so the caller need not validate it again.
   * Synchronous (the index is in memory, the value one read away), so a cache hit costs a caller
   * no promise and no deadline (src/runner/execute.ts).
   */
  get(key: string): unknown {
    const at = this.entries().get(key);
    if (!at) return undefined;
    const line = this.log.read(at);
    // Positions of this process's own appends are off if another process appended meanwhile: the key says so.
    if (!line.startsWith(key) || line[64] !== '\t' || line[73] !== '\t') return undefined;
    const json = line.slice(PREFIX);
    if (checksum(json) !== line.slice(65, 73)) return undefined;
    try {
      return JSON.parse(json) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Queues an entry; it is written with the others of this tick. Awaiting it means it is on disk. */
  set(key: string, value: unknown): Promise<void> {
    if (!KEY.test(key)) throw new Error(`not a content key: ${key}`);
    const json = JSON.stringify(value);
    const at = this.log.append(`${key}\t${checksum(json)}\t${json}`);
    this.entries().set(key, at);
    return this.log.flushed();
  }

  /** Writes what is queued and releases the file. */
  close(): void {
    this.log.close();
  }

  private entries(): PositionIndex {
    if (this.index) return this.index;
    this.index = new PositionIndex();
    if (!existsSync(this.file)) return this.index;
    const fd = openSync(this.file, 'r');
    try {
      const index = this.index;
      // A torn last line (no newline) is not indexed: it is a miss.
      eachLine(fd, (bytes, start, end, offset, complete) => {
        if (complete && end - start > PREFIX && bytes[start + 64] === 9)
          index.set(bytes.toString('latin1', start, start + 64), { offset, length: end - start });
      });
    } finally {
      closeSync(fd);
    }
    return this.index;
  }
}
