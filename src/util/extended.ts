/**
 * `{ ...base, ...more }` as a fresh object, for objects made per item on a run's hot paths. In
 * Node 20 (V8 11.3) an object made by a spread and then given more properties (`{ ...hit, cached:
 * true }`) is moved to the old generation with its kind, even when it dies at once: ~75 MB of a
 * 100k-item rerun's answers, and V8 lets the old generation grow to about four times what it
 * keeps. Object.assign onto a new object makes the same object without that.
 */
export function extended<T extends object, U extends object>(base: T, more: U): Omit<T, keyof U> & U {
  return Object.assign({}, base, more);
}
