import type { z } from 'zod';

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

/** What ParseOnce gives for a value its schema refuses. */
export const INVALID = Symbol('invalid');

/** Distinct values ParseOnce remembers; past this, new ones are parsed each time. */
const MAX_PARSED = 16_384;

/**
 * Parses each distinct (JSON-equal) value once per tag and gives the same parsed copy for every
 * repeat: golden sets and reports repeat a handful of check, slice, score and failure lists
 * among thousands of items, so each is checked by its schema once and held once. Keyed by
 * JSON.stringify of the raw value, not canonical JSON: rows of one file write their lists the same
 * way, and sorting keys for every row cost more than the rest of reading it.
 */
export class ParseOnce {
  private readonly seen = new Map<string, unknown>();

  parse<S extends z.ZodType>(tag: string, schema: S, raw: unknown): z.output<S> | typeof INVALID {
    const key = `${tag}\u0000${JSON.stringify(raw)}`;
    const known = this.seen.get(key);
    if (known !== undefined) return known as z.output<S>;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return INVALID;
    if (this.seen.size < MAX_PARSED) this.seen.set(key, parsed.data);
    return parsed.data;
  }
}
