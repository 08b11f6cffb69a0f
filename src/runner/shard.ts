import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CandidateKindSchema } from '../report-schema.js';
import { UserError, locate } from '../errors.js';
import { FingerprintSchema } from '../report-schema.js';
import { sha256 } from '../util/canonical.js';
import { ItemResultSchema, type ItemResult } from '../contracts/item-result.js';

export interface ShardSpec {
  /** 1-based, as written on the command line: `--shard 2/3`. */
  index: number;
  count: number;
}

/** More shards than this is a typo, not a plan (and n must stay an exact integer for the hash split). */
export const MAX_SHARDS = 10_000;

export function parseShard(value: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard takes i/n with 1 <= i <= n (e.g. 2/3), got "${value}"`);
  }
  if (count > MAX_SHARDS) throw new UserError(`--shard takes at most ${MAX_SHARDS} shards, got "${value}"`);
  return { index, count };
}

/**
 * Where `--shard auto` finds its shard, first match wins: `EVALS_SHARD_INDEX` (1-based) with
 * `EVALS_SHARD_TOTAL` (set them from a GitHub Actions matrix, or anywhere); GitLab's parallel jobs
 * (`CI_NODE_INDEX`, 1-based, and `CI_NODE_TOTAL`); a Kubernetes Indexed Job's
 * `JOB_COMPLETION_INDEX` (0-based) with `EVALS_SHARD_TOTAL` set to the Job's completions.
 */
export const AUTO_SHARD_SOURCES = [
  { index: 'EVALS_SHARD_INDEX', total: 'EVALS_SHARD_TOTAL', base: 1 },
  { index: 'CI_NODE_INDEX', total: 'CI_NODE_TOTAL', base: 1 },
  { index: 'JOB_COMPLETION_INDEX', total: 'EVALS_SHARD_TOTAL', base: 0 },
] as const;

/** `--shard i/n`, or `--shard auto`: the shard the CI runner's environment names. */
export function shardFromFlag(value: string, env: NodeJS.ProcessEnv): ShardSpec {
  if (value.trim() !== 'auto') return parseShard(value);
  for (const source of AUTO_SHARD_SOURCES) {
    const index = env[source.index]?.trim();
    if (!index) continue;
    const total = env[source.total]?.trim();
    if (!total) throw new UserError(`--shard auto: ${source.index} is set but ${source.total} is not; set it to the number of shards`);
    const i = Number(index) + 1 - source.base;
    const n = Number(total);
    if (!Number.isSafeInteger(i) || !Number.isSafeInteger(n) || n < 1 || i < 1 || i > n) {
      throw new UserError(
        `--shard auto: ${source.index}=${index} and ${source.total}=${total} do not name a shard (${source.base === 0 ? '0-based' : '1-based'} index below the total)`,
      );
    }
    return { index: i, count: n };
  }
  const names = AUTO_SHARD_SOURCES.map((s) => `${s.index} + ${s.total}`).join(', ');
  throw new UserError(`--shard auto: no shard in the environment; set one of ${names}, or pass --shard i/n`);
}

/**
 * The shard an item belongs to, from a hash of its id alone: adding or removing other items
 * never moves it, and every machine agrees without coordination.
 */
export function shardOf(itemId: string, count: number): number {
  return (Number.parseInt(sha256(itemId).slice(0, 8), 16) % count) + 1;
}

export const ShardHeaderSchema = z.object({
  evalsShard: z.literal(1),
  suite: z.string(),
  candidate: z.string(),
  kind: CandidateKindSchema,
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }),
  /** The report fingerprint of the whole (unsharded) suite, so merge can check shards belong together. */
  fingerprint: FingerprintSchema,
  /** Items of the whole suite, and of this shard. */
  suiteItems: z.number().int().nonnegative(),
  shardItems: z.number().int().nonnegative(),
  /** For the merged .run.json. */
  startedAt: z.string(),
  finishedAt: z.string(),
  concurrency: z.number().int().positive(),
  resumed: z.number().int().nonnegative(),
  /** Judged metrics the shard could not score (no credentials); the merged report lists them. */
  skipped: z.array(z.object({ metric: z.string(), reason: z.string() })),
  ungated: z.array(z.object({ metric: z.string(), reason: z.string() })),
});
export type ShardHeader = z.infer<typeof ShardHeaderSchema>;

/** `<suite>.<candidate>.shard-<i>-of-<n>.jsonl`: self-describing, so CI can flatten artifacts into one folder. */
export function shardFileName(suite: string, candidate: string, shard: ShardSpec): string {
  return `${suite}.${candidate}.shard-${shard.index}-of-${shard.count}.jsonl`;
}

/** The shard file's lines: its header, then every result (streamed from the journal). */
export function* shardLines(header: ShardHeader, results: Iterable<ItemResult>): Generator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const result of results) yield `${JSON.stringify(result)}\n`;
}

export interface ShardFile {
  file: string;
  header: ShardHeader;
  results: ItemResult[];
}

/** Reads a shard file; a damaged one is an input error naming file and line (exit 2). */
export function readShardFile(file: string, shown = file): ShardFile {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const parse = <T>(schema: z.ZodType<T>, text: string, line: number): T => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UserError(locate(shown, line, 'not a JSON line: the shard file is damaged; run that shard again'));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new UserError(locate(shown, line, `not a shard record: ${parsed.error.issues[0]?.message}`));
    return parsed.data;
  };
  const [first, ...rest] = lines;
  if (first === undefined) throw new UserError(`${shown}: empty shard file`);
  return {
    file,
    header: parse(ShardHeaderSchema, first, 1),
    results: rest.map((text, i) => parse(ItemResultSchema, text, i + 2)),
  };
}
