import { z } from 'zod';
import { suggestKnownKeys } from '../util/zod-issues.js';
import { didYouMean } from '../util/did-you-mean.js';
import { judgeKindRegistry, type JudgeEntryInput } from './judges/kinds.js';

/**
 * An entry of a suite's `judges`, `{ kind, metric?, ...options }`, validated against the registered
 * kind's own options schema, as CheckSpecSchema does for checks. The result keeps the parsed
 * options (defaults filled in) under `options`. Its input type is the union of the built-in
 * kinds' own (JudgeEntryInput), so an editor flags a misspelt kind or option.
 */
export const JudgedMetricSchema = z.looseObject({ kind: z.string().min(1), metric: z.string().min(1).optional() }).transform((entry, ctx) => {
  const { kind, metric, ...rest } = entry;
  const definition = judgeKindRegistry.get(kind);
  if (!definition) {
    const known = [...judgeKindRegistry.keys()];
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown judge kind "${kind}"${didYouMean(kind, known)} (known: ${known.join(', ')})` });
    return z.NEVER;
  }
  const parsed = definition.options.safeParse(rest, { error: suggestKnownKeys });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as z.core.$ZodRawIssue);
    return z.NEVER;
  }
  return { kind, ...(metric === undefined ? {} : { metric }), options: parsed.data as unknown };
}) as unknown as z.ZodType<JudgedMetricEntry, JudgeEntryInput>;

export interface JudgedMetricEntry {
  kind: string;
  metric?: string;
  options: unknown;
}
