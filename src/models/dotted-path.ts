/**
 * Reads `a.b.0.c` out of parsed JSON. Array indices are plain numeric segments. Returns
 * undefined when any step is missing, so callers decide whether absence is an error.
 */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
