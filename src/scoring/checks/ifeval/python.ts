/**
 * Python string and `re` semantics that IFEval's reference checker relies on, for JavaScript.
 * IFEval's verdicts hinge on details such as which characters `str.strip()` removes or what `\w`
 * matches in a Python str pattern (Unicode letters and numbers, never combining marks), so the
 * instructions use these helpers instead of JavaScript's own, slightly different, defaults.
 */

/** Python's whitespace (`str.isspace`, `str.split()`, `str.strip()` and `\s` in str patterns). */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** Regex source for Python's `\s` and `\S`. */
export const S = `[${WS}]`;
export const NS = `[^${WS}]`;
/** Regex source for Python's `\w` in a str pattern: letters, numbers, underscore (no combining marks). */
export const WORD = '[\\p{L}\\p{N}_]';
/** Regex source for Python's `\d` in a str pattern: any decimal digit. */
export const DIGIT = '\\p{Nd}';
/** Regex source for Python's `\b` (Unicode-aware, unlike JavaScript's ASCII-only `\b`). */
export const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/** Python's `$` without MULTILINE: the end, or just before a final newline. */
export const END = '(?=\\n?$)';
/** Python's `^` and `$` under MULTILINE (JavaScript's `m` flag also breaks lines at \r, U+2028, U+2029). */
export const LINE_START = '(?:^|(?<=\\n))';
export const LINE_END = '(?=\\n|$)';
/** Python's `.` (anything but a newline; JavaScript's `.` also stops at \r, U+2028, U+2029). */
export const DOT = '[^\\n]';

const escapeClass = (chars: string) => chars.replace(/[\\\][^-]/g, '\\$&');

/** `str.strip(chars)`; whitespace when `chars` is not given. */
export function strip(text: string, chars?: string): string {
  return rstrip(lstrip(text, chars), chars);
}

export function lstrip(text: string, chars?: string): string {
  const set = chars === undefined ? `${S}+` : `[${escapeClass(chars)}]+`;
  return text.replace(new RegExp(`^${set}`, 'u'), '');
}

export function rstrip(text: string, chars?: string): string {
  const set = chars === undefined ? `${S}+` : `[${escapeClass(chars)}]+`;
  return text.replace(new RegExp(`${set}$`, 'u'), '');
}

/** `str.split()`: runs of whitespace separate, leading and trailing ones make no empty field. */
export function splitWhitespace(text: string): string[] {
  return text.split(new RegExp(`${S}+`, 'u')).filter((part) => part !== '');
}

const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;
const TITLE = /\p{Lt}/u;

/** `str.isupper()`: at least one cased character, and no lowercase or titlecase one. */
export function isUpper(text: string): boolean {
  let cased = false;
  for (const char of text) {
    if (LOWER.test(char) || TITLE.test(char)) return false;
    if (UPPER.test(char)) cased = true;
  }
  return cased;
}

/** `str.islower()`: at least one cased character, and no uppercase or titlecase one. */
export function isLower(text: string): boolean {
  let cased = false;
  for (const char of text) {
    if (UPPER.test(char) || TITLE.test(char)) return false;
    if (LOWER.test(char)) cased = true;
  }
  return cased;
}

/** The first code point, as Python's `text[0]` (empty string for an empty text). */
export function firstChar(text: string): string {
  const code = text.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * A pattern taken from IFEval's kwargs (keywords, forbidden words, section splitters, postscript
 * markers): the reference hands them to Python's `re` unescaped, so they are regular expressions
 * here too. Plain words mean the same in both dialects; a pattern JavaScript cannot compile is an error.
 */
export function kwargPattern(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, `${flags}u`);
  } catch (err) {
    throw new Error(`kwarg ${JSON.stringify(source)} is not a valid regular expression: ${(err as Error).message}`);
  }
}

/** Number of non-overlapping matches, as `len(re.findall(...))`. */
export function countMatches(text: string, pattern: RegExp): number {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].length;
}
