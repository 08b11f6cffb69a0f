import type { LineAt } from './append-log.js';

/** Empty slots have length 0: every indexed line is longer than its key. */
const EMPTY = 0;

/**
 * Line positions by content key (64 hex digits, a SHA-256), for a log with a line per key (the
 * answer and verdict caches, src/models/content-store.ts): an open-addressing table of typed
 * arrays, keyed by the key's first 64 bits, outside the JS heap. A Map of key strings held a
 * 64-character string and a map entry per cached answer, ~110 bytes each for the whole run, and
 * V8 sizes its heap by what it holds. Two keys that share their first 64 bits share a slot (the
 * later wins): the reader checks the key written at the position, so a clash is a cache miss, never
 * a wrong value.
 */
export class PositionIndex {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private offsets = new Float64Array(1024);
  private lengths = new Float64Array(1024);
  private used = 0;

  get size(): number {
    return this.used;
  }

  get(key: string): LineAt | undefined {
    const slot = this.find(key);
    return slot === undefined || this.lengths[slot] === EMPTY ? undefined : { offset: this.offsets[slot] as number, length: this.lengths[slot] as number };
  }

  /** Indexes a line (length > 0); a key that is not 64 hex digits is not indexed (a damaged line). */
  set(key: string, at: LineAt): void {
    if (at.length <= 0) return;
    if (2 * (this.used + 1) > this.lengths.length) this.grow();
    const slot = this.find(key);
    if (slot === undefined) return;
    if (this.lengths[slot] === EMPTY) this.used++;
    this.high[slot] = hex32(key, 0) as number;
    this.low[slot] = hex32(key, 8) as number;
    this.offsets[slot] = at.offset;
    this.lengths[slot] = at.length;
  }

  /** The key's slot: where it sits, or the empty slot where it would go; undefined for a key that is not hex. */
  private find(key: string): number | undefined {
    const high = hex32(key, 0);
    const low = hex32(key, 8);
    if (key.length !== 64 || high === undefined || low === undefined) return undefined;
    const mask = this.lengths.length - 1;
    // The key is a hash already: its bits are the slot.
    for (let slot = low & mask; ; slot = (slot + 1) & mask) {
      if (this.lengths[slot] === EMPTY || (this.high[slot] === high && this.low[slot] === low)) return slot;
    }
  }

  private grow(): void {
    const { high, low, offsets, lengths } = this;
    const size = lengths.length * 2;
    [this.high, this.low, this.offsets, this.lengths] = [new Uint32Array(size), new Uint32Array(size), new Float64Array(size), new Float64Array(size)];
    const mask = size - 1;
    for (let from = 0; from < lengths.length; from++) {
      if (lengths[from] === EMPTY) continue;
      let slot = (low[from] as number) & mask;
      while (this.lengths[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.high[slot] = high[from] as number;
      this.low[slot] = low[from] as number;
      this.offsets[slot] = offsets[from] as number;
      this.lengths[slot] = lengths[from] as number;
    }
  }
}

/** Eight hex digits of `text` from `start` as an unsigned 32-bit number; undefined if any is not hex. */
function hex32(text: string, start: number): number | undefined {
  let value = 0;
  for (let i = start; i < start + 8; i++) {
    const c = text.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return undefined;
    value = value * 16 + digit;
  }
  return value;
}
