import { z } from 'zod';
import { CandidateOutputSchema, type CandidateOutput } from '../contracts/candidate-output.js';
import { formatIssues } from '../util/zod-issues.js';
import { UserError } from '../errors.js';
import { GoldenItemSchema, type GoldenItem, type ItemInput } from '../goldensets/item.js';
import { unusableChecks } from '../goldensets/usable-checks.js';
import type { CheckSpecInput } from '../scoring/checks/registry.js';
import { CheckSpecSchema } from '../scoring/checks/spec.js';
import { scoreWithChecks } from '../scoring/score.js';
import type { CheckResult } from '../contracts/item-result.js';

/** What a matcher is given: the answer's text, or a candidate's whole output (citations, contexts). */
export type Answer = string | CandidateOutput;

/** The golden-item fields checks may read (a reference, gold sources), for an answer checked outside a golden set. */
export interface ItemFields {
  id?: string;
  input?: ItemInput;
  reference?: string;
  sources?: string[];
}

export interface ChecksVerdict {
  pass: boolean;
  results: CheckResult[];
  /** ✓/✗ per check with its score and reason. */
  lines: string[];
}

/** A received value as a candidate output; anything else is a usage error naming what was given. */
export function toOutput(received: unknown, matcher: string): CandidateOutput {
  if (typeof received === 'string') return { text: received };
  const parsed = CandidateOutputSchema.safeParse(received);
  if (parsed.success) return parsed.data;
  const shown = received === null ? 'null' : typeof received === 'object' ? formatIssues(parsed.error, received).join('; ') : typeof received;
  throw new UserError(`${matcher}: expected an answer (a string, or a candidate output { text, citations?, contexts? }), got ${shown}`);
}

/** A golden item made of the fields given, as the checks see one. */
export function matcherItem(fields: ItemFields = {}): GoldenItem {
  return GoldenItemSchema.parse({
    id: fields.id ?? 'expect',
    input: fields.input ?? '(an answer checked with expect)',
    ...(fields.reference !== undefined ? { reference: fields.reference } : {}),
    sources: fields.sources ?? [],
    metadata: {},
    origin: { file: 'expect', line: 1 },
  });
}

/**
 * Runs check specs (as written in a golden set) on an answer, through the same registry and
 * scoring as a suite run. A spec that does not parse, or cannot be evaluated on this item (e.g.
 * `equals` without a reference), is a usage error; no check applying at all is a failure, not a
 * vacuous pass.
 */
export function checkAnswer(matcher: string, received: unknown, checks: readonly CheckSpecInput[], fields?: ItemFields): ChecksVerdict {
  const output = toOutput(received, matcher);
  const parsed = z.array(CheckSpecSchema).safeParse(checks);
  if (!parsed.success) throw new UserError(`${matcher}: ${formatIssues(parsed.error, checks).join('; ')}`);
  // The checks as the item's own, as a golden-set row carries them.
  const item = { ...matcherItem(fields), checks: parsed.data };
  const unusable = unusableChecks([item], []).map((line) => line.replace(/^expect:1: /, ''));
  if (unusable.length > 0) throw new UserError(`${matcher}: ${unusable.join('; ')}`);
  const results = scoreWithChecks([], item, output);
  const lines = results.map((r) => `${r.pass ? '✓' : '✗'} ${r.name} ${r.score.toFixed(2)}${r.reason ? `: ${r.reason}` : ''}`);
  if (results.length === 0) return { pass: false, results, lines: ['✗ no check applied to this answer (nothing was checked)'] };
  return { pass: results.every((r) => r.pass), results, lines };
}
