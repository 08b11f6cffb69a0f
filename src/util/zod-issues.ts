import type { z } from 'zod';
import { closest, didYouMean } from './did-you-mean.js';

/**
 * One line per zod issue, naming the field path and what was expected, e.g.
 * `candidates.rag-v2.adapter.path: expected string, received number` or `"id" is missing`.
 * zod's own prettifyError uses a multi-line arrow layout; CI logs and `file:line:` prefixes
 * want one issue per line.
 */
export function formatIssues(error: z.ZodError, input?: unknown, prefix?: string): string[] {
  return issueLines(error, input, prefix).map(({ path, message, missing }) => (missing ? `"${path}" is missing` : path ? `"${path}": ${message}` : message));
}

/**
 * Each issue's field path (dotted), message, and the keys to the value it concerns (an unknown
 * key's own, when there is one), for callers that place it in a file by those keys.
 */
export function issueLines(
  error: z.ZodError,
  input?: unknown,
  prefix?: string,
): Array<{ path: string; keys: PropertyKey[]; message: string; missing: boolean }> {
  return error.issues.map((issue) => {
    const unknownKey = 'keys' in issue && Array.isArray(issue.keys) && issue.keys.length === 1 ? (issue.keys as PropertyKey[]) : [];
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.');
    const missing =
      (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) ||
      (input !== undefined && issue.path.length > 0 && valueAt(input, issue.path) === undefined);
    return { path, keys: [...issue.path, ...unknownKey], message: issue.message.replace(/^Invalid (input|option): /, ''), missing: missing && path !== '' };
  });
}

/**
 * zod error map for strict objects: `unknown key "baseUrl"; did you mean "baseURL"?`, the
 * suggestion being the closest key the object knows. Pass it to safeParse as `{ error: ... }`.
 */
export const suggestKnownKeys: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  const known = shape ? Object.keys(shape) : [];
  const list = known.length > 0 ? ` (known: ${known.join(', ')})` : '';
  const [key] = issue.keys;
  if (issue.keys.length === 1 && key !== undefined) return `unknown key "${key}"${didYouMean(key, known) || list}`;
  const named = issue.keys.map((key) => {
    const match = closest(key, known);
    return match === undefined ? `"${key}"` : `"${key}" (did you mean "${match}"?)`;
  });
  return `unknown keys ${named.join(', ')}${list}`;
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
