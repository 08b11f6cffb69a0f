import { z } from 'zod';
import type { CandidateAdapter } from '../candidates/adapter.js';
import type { ReportWriter } from '../reports/writer.js';
import type { CheckDefinition } from '../scoring/checks/types.js';
import type { JudgeKind } from '../scoring/judges/kind.js';

/**
 * What a config's `plugins` holds: the objects defineCheck, defineAdapter, defineJudge and
 * defineReporter return (their `plugin` field says which), or paths of modules whose default
 * export is one of them or an array of them.
 */
export type Plugin =
  | (CheckDefinition & { plugin: 'check' })
  | (CandidateAdapter & { plugin: 'adapter' })
  | (JudgeKind & { plugin: 'judge' })
  | (ReportWriter & { plugin: 'reporter' });

/**
 * Checked by shape, not by class: the config may load its own copy of the package (jiti), so a
 * user's zod schema need not be an instance of this copy's classes; it only has to parse.
 */
const zodSchema = z.custom<z.ZodType>((v) => typeof (v as { safeParse?: unknown } | null)?.safeParse === 'function', { message: 'expected a zod schema' });
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: 'expected a function' });
/** Names show up in golden sets, configs, metric names and file names. */
const name = z.string().regex(/^[a-z][\w-]*$/i, 'a name of letters, digits, "_" and "-", starting with a letter');

export const PluginSchema = z.discriminatedUnion(
  'plugin',
  [
    z.object({ plugin: z.literal('check'), type: name, summary: z.string(), params: zodSchema, run: fn, unusable: fn.optional() }),
    z.object({ plugin: z.literal('adapter'), type: name, summary: z.string(), options: zodSchema, create: fn }),
    z.object({ plugin: z.literal('judge'), kind: name, summary: z.string(), options: zodSchema, plan: fn, run: fn }),
    z.object({
      plugin: z.literal('reporter'),
      name,
      summary: z.string(),
      // Run-level formats are written to the file a command-line flag names, and flags are fixed before a config loads.
      perReport: z.object({ suffix: z.string().regex(/^(\.[\w-]+)+$/, 'a file suffix such as ".slack.json"'), render: fn }),
      perRun: z.undefined({ message: 'a plugin reporter writes per report (perReport); perRun formats need a command-line flag' }).optional(),
    }),
  ],
  { error: () => 'expected a plugin: the object defineCheck, defineAdapter, defineJudge or defineReporter returns, or a module path' },
);
