/** One JSON object a line, newline-terminated: the byte form every generated file takes. */
export function toJsonl(rows: readonly object[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
}

/** A letter for a 0-based option position: 0 -> A. */
export function letter(position: number): string {
  if (!Number.isInteger(position) || position < 0 || position >= 26) throw new RangeError(`no letter for position ${position}`);
  return String.fromCharCode(65 + position);
}
