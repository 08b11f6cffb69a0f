const BARS = '▁▂▃▄▅▆▇█';

/**
 * A unicode sparkline, one character a value, scaled from the lowest to the highest value shown (a
 * flat line when they are equal); a missing value is a space. Print the range beside it: the
 * scale is the values', not [0, 1].
 */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return ' '.repeat(values.length);
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (hi === lo) return BARS[3] as string;
      return BARS[Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))] as string;
    })
    .join('');
}
