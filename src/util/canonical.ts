import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so equal data always hashes equal.
 * (JSON.stringify keeps insertion order, which differs between equal objects built differently.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
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
  const hash = createHash('sha256').update('[');
  let first = true;
  for (const value of values) {
    if (!first) hash.update(',');
    first = false;
    // As JSON.stringify writes an array's undefined element.
    hash.update(value === undefined ? 'null' : canonicalJson(value));
  }
  return hash.update(']').digest('hex').slice(0, 16);
}

/** Short content hash of any JSON-able value, for fingerprints and cache keys. */
export function hashOf(value: unknown): string {
  return sha256(canonicalJson(value)).slice(0, 16);
}
