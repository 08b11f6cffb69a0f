/**
 * Text helpers shared by the checks: answer normalisation for lenient comparison, and short,
 * quoted excerpts for failure reasons.
 */

/** A letter or digit in any script: what counts as part of a word for article removal. */
const ARTICLE = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;
/** Punctuation and symbols in any script (SQuAD strips ASCII `string.punctuation`; we extend it to Unicode). */
const PUNCTUATION = /[\p{P}\p{S}]/gu;

/**
 * The SQuAD answer normalisation (lowercase, strip punctuation, drop the articles a/an/the,
 * collapse whitespace), preceded by Unicode NFKC so full-width and compatibility forms compare
 * equal. Punctuation is deleted, not replaced by a space, exactly as SQuAD's evaluate script does.
 */
export function normalizeAnswer(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '').replace(ARTICLE, ' ').replace(/\s+/gu, ' ').trim();
}

/** Cut `text` to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A value as it appears in a reason: JSON-quoted, whitespace collapsed, shortened. */
export function quote(text: string, max = 50): string {
  return JSON.stringify(truncate(text.replace(/\s+/gu, ' ').trim(), max));
}

/** Several values quoted and comma-separated, e.g. `"a", "b"`. */
export function quoteList(values: readonly string[], max = 40): string {
  return values.map((v) => quote(v, max)).join(', ');
}
