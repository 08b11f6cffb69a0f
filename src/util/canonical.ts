import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so equal data always hashes equal.
 * (JSON.stringify keeps insertion order, which differs between equal objects built differently.)
 */
export function canonicalJson(value: unknown): string {
  return canonicalWith(value, undefined);
}

function canonicalWith(value: unknown, memo: Map<unknown[], string> | undefined): string {
  try {
    return plainJson(value, memo);
  } catch (err) {
    if (err !== NOT_PLAIN) throw err;
    return JSON.stringify(sortKeys(value));
  }
}

const NOT_PLAIN = Symbol('not plain JSON data');

/**
 * The canonical JSON of plain data (strings, numbers, booleans, null, arrays, plain objects),
 * written directly: the same text as JSON.stringify(sortKeys(value)) without a sorted copy of
 * every object first, which was most of a 10k-item run's fingerprint. Anything else (a class
 * instance, a function, a key JSON would order as an array index) throws NOT_PLAIN, and the value
 * takes the copying path. Arrays seen before in `memo` (golden items share their check, slice and
 * source lists) are written once.
 */
function plainJson(value: unknown, memo: Map<unknown[], string> | undefined): string {
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const known = memo?.get(value);
        if (known !== undefined) return known;
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const element: unknown = value[i];
          out += `${i > 0 ? ',' : ''}${element === undefined ? 'null' : plainJson(element, memo)}`;
        }
        out += ']';
        memo?.set(value, out);
        return out;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN;
      let out = '{';
      for (const key of sortedKeys(value)) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        // An index-like key comes first in any object JSON.stringify writes; __proto__ is not copied by sortKeys.
        if (isDigit(key.charCodeAt(0)) || key === '__proto__') throw NOT_PLAIN;
        out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${plainJson(v, memo)}`;
      }
      return `${out}}`;
    }
    default:
      throw NOT_PLAIN;
  }
}

/** Object.keys(value).sort(): the few keys of a data object by insertion, which is several times quicker than the generic sort; many keys by sort(). */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    // `<` on strings compares UTF-16 code units, as sort() does.
    for (; j >= 0 && key < (keys[j] as string); j--) keys[j + 1] = keys[j] as string;
    keys[j + 1] = key;
  }
  return keys;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * hashOf(values) for a list, hashed element by element: the same hash without the whole list's
 * JSON as one string (tens of megabytes for a 100k-item golden set).
 */
export function hashOfList(values: Iterable<unknown>): string {
  const hash = createHash('sha256');
  const memo = new Map<unknown[], string>();
  // Elements are hashed in pieces of about 64 KB, not one update call each.
  let pending = '[';
  let first = true;
  for (const value of values) {
    if (!first) pending += ',';
    first = false;
    // As JSON.stringify writes an array's undefined element.
    pending += value === undefined ? 'null' : canonicalWith(value, memo);
    if (pending.length >= HASH_PIECE) {
      hash.update(pending);
      pending = '';
    }
  }
  return hash.update(`${pending}]`).digest('hex').slice(0, 16);
}

const HASH_PIECE = 1 << 16;

/** Short content hash of any JSON-able value, for fingerprints and cache keys. */
export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value)).slice(0, 16);
}
