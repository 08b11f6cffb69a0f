import type { z } from 'zod';

/**
 * One line per zod issue, naming the field path and what was expected, e.g.
 * `candidates.rag-v2.adapter.path: expected string, received number` or `"id" is missing`.
 * zod's own prettifyError uses a multi-line arrow layout; CI logs and `file:line:` prefixes
 * want one issue per line.
 */
export function formatIssues(error: z.ZodError, input?: unknown, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
    const missing =
      (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) ||
      (input !== undefined && issue.path.length > 0 && valueAt(input, issue.path) === undefined);
    if (missing && path) return `"${path}" is missing`;
    const message = issue.message.replace(/^Invalid (input|option): /, '');
    return path ? `"${path}": ${message}` : message;
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
