/** Distinct values remembered for sharing; past this, new ones are kept as they are. */
const MAX_SHARED = 4096;

/**
 * One copy of each equal (JSON-equal) value: the items of a big report repeat a handful of slice
 * lists, score records and failure lists, so 100k items hold a few copies rather than 100k.
 * Shared values are never mutated (reports are read, rendered and compared).
 */
export class Sharing {
  private readonly seen = new Map<string, unknown>();

  share<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.seen.get(key);
    if (known !== undefined) return known as T;
    if (this.seen.size < MAX_SHARED) this.seen.set(key, value);
    return value;
  }
}
