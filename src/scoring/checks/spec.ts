import { z } from 'zod';
import { suggestKnownKeys } from '../../util/zod-issues.js';
import { didYouMean } from '../../util/did-you-mean.js';
import { checkRegistry } from './registry.js';

/**
 * A check as written in a golden item or a suite's defaults: `{ "type": "contains", "name"?: ..., ...params }`.
 * Validated against the registered check's own params schema; the result keeps the parsed params
 * (defaults filled in) under `params`.
 */
export const CheckSpecSchema = z.looseObject({ type: z.string().min(1), name: z.string().min(1).optional() }).transform((spec, ctx) => {
  const { type, name, ...rest } = spec;
  const definition = checkRegistry.get(type);
  if (!definition) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: `unknown check type "${type}"${didYouMean(type, checkRegistry.keys())} (known: ${[...checkRegistry.keys()].join(', ')})`,
    });
    return z.NEVER;
  }
  const parsed = definition.params.safeParse(rest, { error: suggestKnownKeys });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as z.core.$ZodRawIssue);
    return z.NEVER;
  }
  return { type, name: name ?? type, params: parsed.data as unknown };
});

export type CheckSpec = z.output<typeof CheckSpecSchema>;
