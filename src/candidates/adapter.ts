import type { z } from 'zod';
import type { GoldenItem } from '../goldensets/item.js';
import type { BatchClient } from '../models/batch/types.js';
import type { TrafficMonitor } from '../models/traffic.js';
import type { CandidateOutput } from '../contracts/candidate-output.js';

export interface AdapterContext {
  /** Relative paths in adapter options resolve against the config file's folder. */
  configDir: string;
  candidateId: string;
  /** Per-call timeout; adapters pass it to SDKs / child processes, the runner also enforces it. */
  timeoutMs: number;
  /** Environment to read credentials from (never written anywhere). */
  env: NodeJS.ProcessEnv;
  /**
   * Variables of `env` that hold secrets besides those named like one (src/candidates/secret-env.ts):
   * the providers' keys and the config's `apiKeyEnv`s. Outside programs do not get them unless
   * passed on, and whatever they print is redacted of them.
   */
  secretEnv?: readonly string[];
  /** Sees every HTTP status of SDK calls (429s included), to pace the run; SDK adapters pass it on. */
  traffic?: TrafficMonitor;
  /** Model id -> US dollars per million tokens, from the config; overrides the built-in table. */
  prices?: Readonly<Record<string, { input: number; output: number }>>;
}

export interface CallOptions {
  /** Aborted on timeout or Ctrl-C; adapters must stop work (kill the child, cancel the request). */
  signal: AbortSignal;
  /** Which run of the item this is (0 unless the suite has several epochs). */
  epoch?: number;
}

/** A ready-to-call candidate system. */
export interface Candidate {
  generate(item: GoldenItem, options: CallOptions): Promise<CandidateOutput>;
  /**
   * The answer `generate` would give without making a call, when one is at hand (the output
   * cache, src/runner/cached-candidate.ts), else undefined. The runner asks this first, so a
   * cache hit needs no deadline, timer or abort signal. Throws as `generate` would.
   */
  answered?(item: GoldenItem, options: { epoch?: number }): CandidateOutput | undefined;
  /**
   * How many attempts one call may make (an SDK's retries, each under its own timeout), so the
   * runner's deadline for the whole call leaves room for them. Default 1.
   */
  attempts?: number;
  /**
   * 'recorded': answers carry their own latency or none (replay); the runner does not time them.
   * Default 'measured': the runner times each call.
   */
  latency?: 'measured' | 'recorded';
  close?(): Promise<void>;
  /** Set by model adapters (anthropic, openai): the same calls through the provider's batch API (`--batch`). */
  batch?: CandidateBatch;
}

/**
 * A model candidate's call split in two, so that many can go into one batch: `request` builds
 * exactly the body `generate` sends for an item, `parse` reads a response body back as
 * `generate` reads a live reply, with the cost at the batch price. Run them with
 * runCandidateBatch (src/candidates/batch.ts).
 */
export interface CandidateBatch {
  /** The provider's batch API, on the candidate's own client (key, base URL, retries). */
  client: BatchClient;
  /** Messages / Chat Completions create params; throws CandidateError (kind 'missing') like `generate`. */
  request(item: GoldenItem): object;
  /** Throws CandidateError (kind 'bad_output') when the body holds no answer. */
  parse(body: unknown): CandidateOutput;
}

/**
 * How to reach one kind of system (module, command, http, anthropic, openai, replay).
 * `options` validates the adapter block of a candidate's config (without `type`).
 */
export interface CandidateAdapter<S extends z.ZodType = z.ZodType, T extends string = string> {
  type: T;
  summary: string;
  options: S;
  create(options: z.output<S>, context: AdapterContext): Promise<Candidate>;
}

/** Keeps `options` and `create` typed together, and marks the object as an adapter for a config's `plugins`. */
export function defineAdapter<S extends z.ZodType, T extends string>(adapter: CandidateAdapter<S, T>): CandidateAdapter<S, T> & { plugin: 'adapter' } {
  return { ...adapter, plugin: 'adapter' };
}

/** A failure the runner records as the item's error reason (`kind` groups them in reports). */
export class CandidateError extends Error {
  constructor(
    message: string,
    readonly kind: 'crash' | 'timeout' | 'bad_output' | 'http' | 'api' | 'missing' = 'crash',
  ) {
    super(message);
    this.name = 'CandidateError';
  }
}
