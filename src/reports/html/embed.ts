/**
 * JSON that can sit inside `<script type="application/json">` whatever the strings in it hold:
 * `<`, `>` and `&` are written as \u escapes, so no `</script` or `<!--` in a candidate's answer
 * can end the element or open a comment, and U+2028/U+2029 are escaped too. JSON.parse reads the
 * escapes back to the same strings (JSON has no `<` outside strings, so nothing else changes).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
