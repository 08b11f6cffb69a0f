import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';

/** Where a line sits in a file (without its newline), so it can be read back without keeping it in memory. */
export interface LineAt {
  offset: number;
  length: number;
}

/** Appends queued past this many bytes are written at once rather than at the end of the tick. */
const MAX_QUEUED_BYTES = 1 << 20;
const CHUNK = 1 << 20;

/**
 * An append-only file of lines, group-committed: lines appended in one tick of the event loop go
 * to disk in one `write` at the end of it (or as soon as a megabyte is queued), not one syscall
 * each. A `kill -9` therefore loses at most the current tick's lines, and a torn last line is
 * possible; readers drop a line they cannot verify. Positions are known when a line is appended.
 * With several processes appending to the same file, each write lands whole (O_APPEND), but this
 * process's idea of the positions can be off: readers of positions must check what they read.
 */
export class AppendLog {
  private fd: number | undefined;
  private size = 0;
  /**
   * Queued lines, as bytes: a run appends thousands of lines in a tick when answers come from the
   * cache, and queued as strings they lived long enough for V8 to move them to the old generation
   * (a third of what a 100k-item rerun promoted), which then grew to four times what it held.
   */
  private queue: Buffer | undefined;
  private queuedBytes = 0;
  private scheduled = false;
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private failure: unknown;
  private reader: PositionReader | undefined;

  constructor(readonly file: string) {}

  /** Queues one line (without its newline); returns where it will sit. Throws if an earlier write failed. */
  append(line: string): LineAt {
    if (this.failure !== undefined) throw this.failure;
    this.open();
    const length = Buffer.byteLength(line);
    const at = { offset: this.size + this.queuedBytes, length };
    const queue = (this.queue ??= Buffer.allocUnsafe(MAX_QUEUED_BYTES));
    if (this.queuedBytes + length + 1 > queue.length) this.flushNow();
    if (length + 1 > queue.length) {
      this.writeNow(Buffer.from(`${line}\n`), []);
      return at;
    }
    this.queuedBytes += queue.write(line, this.queuedBytes);
    queue[this.queuedBytes++] = 10;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flushQuietly());
    }
    return at;
  }

  /** Settles once everything appended so far is written (or rejects with the write's error). */
  flushed(): Promise<void> {
    if (this.queuedBytes === 0) return this.failure === undefined ? Promise.resolve() : Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Writes whatever is queued, now. */
  flushNow(): void {
    this.scheduled = false;
    if (this.queuedBytes === 0 || this.queue === undefined) return;
    const waiters = this.waiters;
    const data = this.queue.subarray(0, this.queuedBytes);
    this.queuedBytes = 0;
    this.waiters = [];
    this.writeNow(data, waiters);
  }

  /** Writes bytes at the end of the file and settles the waiters with the outcome. */
  private writeNow(data: Buffer, waiters: AppendLog['waiters']): void {
    const fd = this.open();
    try {
      for (let written = 0; written < data.length;) written += writeSync(fd, data, written);
      this.size += data.length;
    } catch (err) {
      this.failure = err;
      for (const w of waiters) w.reject(err);
      throw err;
    }
    for (const w of waiters) w.resolve();
  }

  /** Reads the line at `at` back through the log's own file (queued lines are written first). */
  read(at: LineAt): string {
    const fd = this.open();
    this.flushNow();
    this.reader ??= new PositionReader(fd);
    return this.reader.read(at);
  }

  close(): void {
    try {
      this.flushNow();
    } finally {
      if (this.fd !== undefined) closeSync(this.fd);
      this.fd = undefined;
      this.reader = undefined;
    }
  }

  private flushQuietly(): void {
    try {
      this.flushNow();
    } catch {
      // Kept in `failure`: the next append or flushed() reports it to whoever owns the log.
    }
  }

  private open(): number {
    if (this.fd !== undefined) return this.fd;
    mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = openSync(this.file, 'a+');
    this.size = fstatSync(this.fd).size;
    if (this.size > 0) {
      // A torn last line (kill -9 mid-write) stays a line of its own, which readers drop.
      const last = Buffer.alloc(1);
      readSync(this.fd, last, 0, 1, this.size - 1);
      if (last[0] !== 10) this.size += writeSync(this.fd, '\n');
    }
    return this.fd;
  }
}

/**
 * Visits each line of the file as a range of a chunk's bytes, `bytes[start, end)` at file offset
 * `offset`, read in 64 KB chunks (a log can be larger than memory likes), without a Buffer view or
 * an object per line (the answer cache's index looks at a few bytes of each of 100k lines). The
 * last line is visited with `complete` false when the file does not end in a newline (a torn
 * write).
 */
export function eachLine(fd: number, visit: (bytes: Buffer, start: number, end: number, offset: number, complete: boolean) => void): void {
  const buffer = Buffer.alloc(CHUNK);
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  let position = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    const data = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
    let start = 0;
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      visit(data, start, nl, carryStart + start, true);
      start = nl + 1;
    }
    carryStart += start;
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length > 0) visit(carry, 0, carry.length, carryStart, false);
}

/** Read-ahead windows per reader, and the bytes each holds: about 1 MB per open reader. */
const WINDOWS = 16;
const WINDOW = 1 << 16;

/**
 * Reads lines of one open file by position through a few read-ahead windows. A rerun asks the
 * answer cache for its hits in about the order they were written, and a report reads journal
 * records in item-id order, which walks a handful of regions of the file at once: one 64 KB
 * `pread` then serves the next few hundred lines, where a `pread` per line made 30k syscalls of a
 * cached 10k-item run. The windows are reused, never one Buffer per read (100k small native
 * allocations stayed in the process's memory long after the JS heap let them go). Bytes of an
 * append-only file never change once written, so a window stays true; a line past the end of
 * what a window read (appended since) is read afresh.
 */
export class PositionReader {
  private readonly windows: Array<{ start: number; length: number; bytes: Buffer }> = [];
  private large: Buffer | undefined;

  constructor(private readonly fd: number) {}

  /** The UTF-8 text at `at` (shorter if the file ends first). */
  read(at: LineAt): string {
    const end = at.offset + at.length;
    const { windows } = this;
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i] as (typeof windows)[number];
      if (at.offset >= w.start && end <= w.start + w.length) {
        if (i > 0) windows.unshift(...windows.splice(i, 1));
        return w.bytes.toString('utf8', at.offset - w.start, end - w.start);
      }
    }
    if (at.length > WINDOW) {
      if (!this.large || this.large.length < at.length) this.large = Buffer.allocUnsafe(at.length);
      const read = readSync(this.fd, this.large, 0, at.length, at.offset);
      return this.large.toString('utf8', 0, read);
    }
    const w = windows.length < WINDOWS ? { start: 0, length: 0, bytes: Buffer.allocUnsafe(WINDOW) } : (windows.pop() as (typeof windows)[number]);
    w.start = at.offset;
    w.length = readSync(this.fd, w.bytes, 0, WINDOW, at.offset);
    windows.unshift(w);
    return w.bytes.toString('utf8', 0, Math.min(at.length, w.length));
  }
}

/** CRC-32 of a string's UTF-8 bytes as 8 hex digits: proves a record is whole and as written. */
export function checksum(text: string | Buffer): string {
  return crc32(text).toString(16).padStart(8, '0');
}
