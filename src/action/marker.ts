import { byCodePoint } from '../util/compare.js';

/**
 * The hidden line that finds the Action's pull-request comment again: one per suites x candidates,
 * so two uses of the Action in one workflow each keep their own comment.
 */
export function commentMarker(suites: string, candidates: string): string {
  return `<!-- evals-gate suites=${normalized(suites) || '(default)'} candidates=${normalized(candidates)} -->`;
}

/** A comma list, sorted, without what could end an HTML comment (ids are [\w.-], see config/schema.ts). */
function normalized(list: string): string {
  return list
    .split(',')
    .map((v) => v.trim().replace(/[^\w.-]/g, '_'))
    .filter(Boolean)
    .sort(byCodePoint)
    .join(',');
}
