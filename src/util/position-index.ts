import type { LineAt } from './append-log.js';

/**
 * Line positions by key, for a log with a line per item (the run journal, the answer cache): each
 * key maps to a slot, and the slots' offsets and lengths sit in typed arrays, outside the JS heap,
 * instead of an `{ offset, length }` object per key. Such an index lives as long as the run, so at
 * 100k keys that is 100k objects fewer for the garbage collector to walk and to budget its heap by.
 */
export class PositionIndex {
  private readonly slots = new Map<string, number>();
  private offsets = new Float64Array(1024);
  private lengths = new Float64Array(1024);
  private used = 0;

  get size(): number {
    return this.slots.size;
  }

  get(key: string): LineAt | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.position(slot);
  }

  set(key: string, at: LineAt): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.used++;
      if (slot === this.offsets.length) this.grow();
      this.slots.set(key, slot);
    }
    this.offsets[slot] = at.offset;
    this.lengths[slot] = at.length;
  }

  delete(key: string): void {
    // The slot is not reused: deletes are rare (an item whose journal record is superseded on resume).
    this.slots.delete(key);
  }

  /** Each key with its slot, for ordering them (`at` gives a slot's position). */
  entries(): IterableIterator<[string, number]> {
    return this.slots.entries();
  }

  /** The positions of these slots, made one at a time as they are read. */
  *at(slots: Iterable<number>): Generator<LineAt> {
    for (const slot of slots) yield this.position(slot);
  }

  private position(slot: number): LineAt {
    return { offset: this.offsets[slot] as number, length: this.lengths[slot] as number };
  }

  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    const lengths = new Float64Array(this.lengths.length * 2);
    offsets.set(this.offsets);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}
