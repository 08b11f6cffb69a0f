import { z } from 'zod';
import { adapterRegistry, type AdapterConfigInput, type BlockOf } from '../candidates/registry.js';
import type { CheckSpecInput, SpecOf } from '../scoring/checks/registry.js';
import type { EntryOf, JudgeEntryInput } from '../scoring/judges/kinds.js';
import { CheckSpecSchema, type CheckSpec } from '../scoring/checks/spec.js';
import { JudgedMetricSchema } from '../scoring/judged-spec.js';
import { ModelJudgeConfigSchema } from '../models/judge-config.js';
import type { Plugin } from '../plugins/plugin.js';
import { didYouMean } from '../util/did-you-mean.js';
import { suggestKnownKeys } from '../util/zod-issues.js';
import { GateConfigSchema } from '../gate/config.js';
import { CandidateKindSchema } from '../report-schema.js';

const fraction = z.number().min(0).max(1);

/**
 * A day. Node's timers hold at most 2^31 - 1 ms (about 24.8 days) and fire at once beyond it; a
 * call's deadline is its timeout times its attempts (SDK retries), which stays inside that up to
 * 24 attempts.
 */
export const MAX_TIMEOUT_SECONDS = 86_400;
const timeoutSeconds = z.number().positive().max(MAX_TIMEOUT_SECONDS, `at most ${MAX_TIMEOUT_SECONDS} seconds (a day; Node's timers cannot wait much longer)`);

/**
 * Suite and candidate names become folders and file names under reports/ and .evals-runs/: no path
 * separators, and not "." or ".." (suite ".." with candidate "README" would write ./README.md).
 * Checked on the whole record rather than as its key schema, so the message names the entry.
 */
function pathSafeNames<T extends z.ZodType>(what: string, value: T) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const name of Object.keys(record)) {
      if (!/^[\w.-]+$/.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `${what} are letters, digits, ".", "_" and "-"` });
      else if (/^\.+$/.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: `${what} may not be "." or ".."` });
    }
  });
}

/**
 * `{ type: <adapter>, ...options }`, validated by the registered adapter's own schema. Its input
 * type is declared as the union of the adapters' own (AdapterConfigInput), so an editor flags a
 * misspelt type or option in `evals.config.ts`; the runtime check is the same either way.
 */
export const AdapterConfigSchema = z.looseObject({ type: z.string().min(1) }).transform((block, ctx) => {
  const { type, ...rest } = block;
  const adapter = adapterRegistry.get(type);
  if (!adapter) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: `unknown adapter type "${type}"${didYouMean(type, adapterRegistry.keys())} (known: ${[...adapterRegistry.keys()].join(', ')})`,
    });
    return z.NEVER;
  }
  const parsed = adapter.options.safeParse(rest, { error: suggestKnownKeys });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: issue.path });
    return z.NEVER;
  }
  return { type, options: parsed.data as unknown };
}) as unknown as z.ZodType<{ type: string; options: unknown }, AdapterConfigInput>;

export const CandidateConfigSchema = z.strictObject({
  kind: CandidateKindSchema,
  description: z.string().optional(),
  adapter: AdapterConfigSchema,
  /** Suites this candidate runs by default (all suites when omitted). */
  suites: z.array(z.string().min(1)).optional(),
  /** The candidate this one was fine-tuned or prompted from, for `evals forgetting`. */
  base: z.string().min(1).optional(),
  concurrency: z.number().int().positive().optional(),
  timeoutSeconds: timeoutSeconds.optional(),
});

export const SuiteConfigSchema = z.strictObject({
  description: z.string().optional(),
  /** JSONL or CSV files, relative to the config file. */
  goldenSets: z.array(z.string().min(1)).min(1),
  /**
   * Checks applied to every item of the suite, besides the item's own. The input type is the
   * union of the checks' own (CheckSpecInput) so an editor flags a misspelt type or parameter;
   * declared here, not on CheckSpecSchema, whose output golden items (and so the checks) use.
   */
  checks: (z.array(CheckSpecSchema) as unknown as z.ZodType<CheckSpec[], CheckSpecInput[]>).default([]),
  /** Rubric ids (files in the rubrics folder) judged on every item by the suite's `judge`. */
  rubrics: z.array(z.string().min(1)).default([]),
  /** Default judge for `rubrics` and for items that name a `rubric`. */
  judge: z.string().min(1).optional(),
  /** Judged metrics beyond the rubrics: reference, faithfulness, panel, and the kinds plugins add (src/scoring/judged-spec.ts). */
  judges: z.array(JudgedMetricSchema).default([]),
  /** Slices gated on their own and listed first; never averaged away. */
  longTail: z.array(z.string().min(1)).default(['long-tail']),
  epochs: z.number().int().positive().default(1),
  gate: GateConfigSchema.default(GateConfigSchema.parse({})),
});

export const JudgeConfigSchema = z.discriminatedUnion('provider', [
  ModelJudgeConfigSchema,
  z.strictObject({
    provider: z.literal('replay'),
    /** Recorded verdicts (JSONL), relative to the config file. */
    path: z.string().min(1),
    /** Where the verdicts came from, e.g. "real: GPT-4 (LLMBar Vanilla)". */
    source: z.string().min(1),
    minAgreement: fraction.optional(),
  }),
]);

export const PriceSchema = z.strictObject({
  /** US dollars per million tokens. */
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
});

export const ConfigSchema = z.strictObject({
  /**
   * Checks, adapters, judge kinds and reporters beyond the built-ins: plugin objects, or paths of
   * modules exporting them. Loaded and registered before the rest is validated (src/plugins/).
   */
  plugins: z.array(z.union([z.string().min(1), z.custom<Plugin>()])).default([]),
  reportsDir: z.string().min(1).default('reports'),
  rubricsDir: z.string().min(1).default('rubrics'),
  cacheDir: z.string().min(1).default('.evals-cache'),
  runsDir: z.string().min(1).default('.evals-runs'),
  /** Where `--shard i/n` runs leave their partial results for `evals merge`. */
  shardsDir: z.string().min(1).default('.evals-shards'),
  concurrency: z.number().int().positive().default(8),
  /** `--batch`: the first wait between checks on a provider batch (it backs off to a minute). */
  batchPollSeconds: z.number().positive().default(5),
  timeoutSeconds: timeoutSeconds.default(60),
  /** Optional, like `candidates`: a config for `evals calibrate` may declare only judges. */
  suites: pathSafeNames('suite names', SuiteConfigSchema).default({}),
  candidates: pathSafeNames('candidate ids', CandidateConfigSchema).default({}),
  judges: z.record(z.string(), JudgeConfigSchema).default({}),
  /** Model id -> price, overriding the built-in table. */
  prices: z.record(z.string(), PriceSchema).default({}),
});

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;
export type SuiteConfig = z.output<typeof SuiteConfigSchema>;
export type CandidateConfig = z.output<typeof CandidateConfigSchema>;
export type JudgeConfig = z.output<typeof JudgeConfigSchema>;

type SuiteInput = z.input<typeof SuiteConfigSchema>;
type CandidateInput = z.input<typeof CandidateConfigSchema>;

/**
 * The config as written, with what its plugins P add typed like the built-ins: a plugin check's
 * spec, a plugin adapter's block and a plugin judge kind's entry are checked by the editor too.
 */
export type ConfigInputWith<P> = Omit<ConfigInput, 'plugins' | 'suites' | 'candidates'> & {
  plugins?: ReadonlyArray<P | string>;
  suites?: Record<
    string,
    Omit<SuiteInput, 'checks' | 'judges'> & {
      checks?: Array<CheckSpecInput | SpecOf<Extract<P, { plugin: 'check' }>>>;
      judges?: Array<JudgeEntryInput | EntryOf<Extract<P, { plugin: 'judge' }>>>;
    }
  >;
  candidates?: Record<string, Omit<CandidateInput, 'adapter'> & { adapter: AdapterConfigInput | BlockOf<Extract<P, { plugin: 'adapter' }>> }>;
};

/**
 * Typed identity for `evals.config.ts`: `export default defineConfig({ ... })`. The plugins' types
 * are read from `plugins`, so their checks, adapters and judge kinds type-check where they are used.
 */
export function defineConfig<const P extends Plugin = never>(config: ConfigInputWith<P>): ConfigInputWith<P> {
  return config;
}
