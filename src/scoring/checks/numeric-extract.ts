/**
 * Numbers in free text, for math answers (GSM8K style). Hand-written because no library reads
 * the conventions models use to state a final answer ("#### 42", "the answer is $1,234.",
 * \boxed{12.5\%}).
 */

/**
 * One number: an optional sign (ASCII or U+2212 minus) and currency sign, then digits with
 * well-formed thousands separators, an optional decimal part and exponent. It must not continue a
 * word or a dotted version ("H2O", "v1.2"); a unit may follow ("15km"); a trailing sentence
 * period is left out.
 */
const NUMBER = /(?<![\w.])([-−+]?)(?:[$€£]\s?)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE]([-+]?\d+))?(?!\d)/g;

function numbersIn(text: string): number[] {
  const result: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
    const mantissa = Number((m[2] ?? '').replaceAll(',', ''));
    const value = sign * mantissa * 10 ** Number(m[3] ?? 0);
    if (Number.isFinite(value)) result.push(value);
  }
  return result;
}

/** The last number in `text`, or null when it has none. */
export function lastNumber(text: string): number | null {
  return numbersIn(text).at(-1) ?? null;
}

/** The content of the last `\boxed{...}`, braces balanced, or null. */
function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf('\\boxed{');
  if (start < 0) return null;
  let depth = 0;
  for (let i = start + '\\boxed'.length; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + '\\boxed{'.length, i);
  }
  return null;
}

/** A boxed LaTeX value: a plain number, or a simple \frac{a}{b}. */
function boxedNumber(content: string): number | null {
  const frac = /^(-?)\\d?frac\{([^{}]+)\}\{([^{}]+)\}$/.exec(content.replace(/\s+/g, ''));
  if (frac) {
    const [num, den] = [lastNumber(frac[2] ?? ''), lastNumber(frac[3] ?? '')];
    if (num !== null && den !== null && den !== 0) return (frac[1] ? -1 : 1) * (num / den);
  }
  return lastNumber(content.replace(/\\[!,;: ]|\\%|\\\$/g, ''));
}

/** "answer is 42", "Answer: **$42**", "final answer = -3": the first number shortly after the claim. */
const ANSWER_CLAIM = /answer\s*(?:is|:|=)([^\n]{0,40})/gi;

/**
 * The final numeric answer an answer states, by precedence: the number after the last "####",
 * a \boxed{...} value, the last "answer is N" / "Answer: N", and otherwise the last number in the
 * text. A percent sign is dropped ("12.5%" -> 12.5). Null when the text has no number.
 */
export function extractFinalNumber(text: string): number | null {
  const hashes = text.lastIndexOf('####');
  if (hashes >= 0) {
    const after = numbersIn(text.slice(hashes + 4))[0];
    if (after !== undefined) return after;
  }
  const boxed = lastBoxed(text);
  if (boxed !== null) {
    const value = boxedNumber(boxed);
    if (value !== null) return value;
  }
  const claimed = [...text.matchAll(ANSWER_CLAIM)].map((m) => numbersIn(m[1] ?? '')[0]).filter((n) => n !== undefined);
  const lastClaim = claimed.at(-1);
  if (lastClaim !== undefined) return lastClaim;
  return lastNumber(text);
}

/**
 * The expected number in a reference: after "####" when the reference is a GSM8K-style
 * solution, else its last number.
 */
export function referenceNumber(reference: string): number | null {
  const hashes = reference.lastIndexOf('####');
  if (hashes >= 0) {
    const after = numbersIn(reference.slice(hashes + 4))[0];
    if (after !== undefined) return after;
  }
  return lastNumber(reference);
}
