/**
 * Replaces every occurrence of a secret (API key, resolved header value) in a message. SDK and
 * server error messages can echo request details back (a proxy repeating the auth header), and
 * messages end up in journals and reports, which must never hold a secret.
 */
export function redact(message: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = message;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real keys and tokens are long.
    if (secret === undefined || secret.length < 8) continue;
    result = result.split(secret).join('[redacted]');
  }
  return result;
}
