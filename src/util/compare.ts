/** Code-point order: the same on every machine, unlike localeCompare (reports must be byte-stable). */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
