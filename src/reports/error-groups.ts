import type { ReportItem } from '../report-schema.js';

/** How many groups the terminal lists; the rest are summed on one line. */
export const MAX_ERROR_GROUPS = 5;

/**
 * Why items ended in an error, grouped by reason with counts, most frequent first, each naming
 * where the call went: `API connection failed: ECONNREFUSED 127.0.0.1:18999 (openai gpt-4o-mini) x 20`.
 * `source` names the candidate's adapter; a judge's failure names the judge in its own message.
 */
export function errorGroupLines(items: ReadonlyArray<Pick<ReportItem, 'error'>>, source: string): string[] {
  const counts = new Map<string, number>();
  for (const { error } of items) {
    if (!error) continue;
    const where = error.kind === 'judge_error' ? 'judge' : source;
    const key = `${error.kind}: ${error.message.replace(/\s+/g, ' ').trim()} (${where})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = sorted.slice(0, MAX_ERROR_GROUPS).map(([key, n]) => `${key} x ${n}`);
  const rest = sorted.slice(MAX_ERROR_GROUPS).reduce((sum, [, n]) => sum + n, 0);
  if (rest > 0) lines.push(`… and ${rest} more in ${sorted.length - MAX_ERROR_GROUPS} other groups (see the report's items)`);
  return lines;
}

/**
 * The adapter a candidate's calls go through, as a reader needs it to find a failing server:
 * type, model, and the URL or command. Options are the adapter's own, so only known keys are read.
 */
export function adapterLabel(adapter: { type: string; options: unknown }): string {
  const options = (adapter.options ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  const command = Array.isArray(options['command']) ? (options['command'] as unknown[]).map(String).join(' ') : undefined;
  const url = text('baseURL') ?? text('url');
  const where = url === undefined ? (command ?? text('path')) : withoutSecrets(url);
  return [adapter.type, text('model'), where].filter(Boolean).join(' ');
}

/** A URL without credentials or query string, where keys are sometimes passed. */
function withoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
