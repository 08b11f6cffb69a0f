import type { LoadedConfig } from '../config/load.js';
import { UserError } from '../errors.js';
import type { VerdictCache } from '../models/cache.js';
import type { TrafficMonitor } from '../models/traffic.js';
import { batchedVerdictTransport, type BatchedVerdictOptions, type BatchJournal } from '../models/batch/index.js';
import { providerOf } from '../models/providers.js';
import { createModelVerdictSource } from '../models/verdict-source.js';
import type { JudgedMetric } from './judged-plan.js';
import { createReplayVerdictSource } from './judges/replay-source.js';
import { readCalibrationRecord } from './judges/calibration-record.js';
import type { VerdictSource } from '../contracts/verdict-source.js';

export interface OpenedJudges {
  sources: Map<string, VerdictSource>;
  /** Judge id -> why it cannot judge here (no key), with how to enable it. */
  unavailable: Map<string, string>;
}

export interface OpenJudgesOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  cache?: VerdictCache;
  /** Sees every HTTP status of judge calls, to pace the run. */
  traffic?: TrafficMonitor;
  /** `--batch`: live judges send their first attempts through their provider's batch API. */
  batch?: Omit<BatchedVerdictOptions, 'journal'> & { slot(judgeId: string): BatchJournal };
}

/**
 * Opens the judges a run needs. A live judge without credentials is not an error: it is reported
 * as unavailable with how to enable it, and its metrics are skipped while exact checks still score.
 */
export async function openJudges(loaded: LoadedConfig, ids: Iterable<string>, options: OpenJudgesOptions): Promise<OpenedJudges> {
  const sources = new Map<string, VerdictSource>();
  const unavailable = new Map<string, string>();
  for (const id of new Set(ids)) {
    const config = loaded.config.judges[id];
    if (!config) throw new UserError(`unknown judge "${id}"`);
    if (config.provider === 'replay') {
      sources.set(id, await createReplayVerdictSource(id, config, { configDir: loaded.dir, display: loaded.display }));
      continue;
    }
    try {
      const { batch } = options;
      sources.set(
        id,
        await createModelVerdictSource(id, config, {
          env: options.env,
          timeoutMs: options.timeoutMs,
          prices: loaded.config.prices,
          ...(options.cache ? { cache: options.cache } : {}),
          ...(options.traffic ? { traffic: options.traffic } : {}),
          ...(batch ? { batch: batchTransport(batch, id) } : {}),
        }),
      );
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const keyVar = config.apiKeyEnv ?? providerOf(config.provider).apiKeyEnv;
      unavailable.set(
        id,
        `judge "${id}" (${config.provider} ${config.model}) has no key: ${keyVar} is not set. To score with it, set ` +
          `${keyVar}, or point a judge at a local OpenAI-compatible server (provider: 'openai', ` +
          `baseURL: 'http://localhost:11434/v1' for Ollama).`,
      );
    }
  }
  return { sources, unavailable };
}

/** A live judge's first attempts through its provider's batch API, in the run's slot for that judge. */
export function batchTransport(batch: NonNullable<OpenJudgesOptions['batch']>, judgeId: string) {
  return (transport: Parameters<typeof batchedVerdictTransport>[0]) =>
    batchedVerdictTransport(transport, { ...batch, journal: batch.slot(`judge:${judgeId}`) });
}

/** Judged metrics whose judges all opened, and the rest with why they are not scored. */
export function splitAvailable(
  judged: readonly JudgedMetric[],
  opened: OpenedJudges,
): { active: JudgedMetric[]; skipped: Array<{ metric: string; reason: string }> } {
  const active = judged.filter((m) => m.judges.every((id) => opened.sources.has(id)));
  const skipped = judged
    .filter((m) => !active.includes(m))
    .map((m) => ({
      metric: m.metric,
      reason: m.judges
        .map((id) => opened.unavailable.get(id))
        .filter(Boolean)
        .join(' '),
    }));
  return { active, skipped };
}

/**
 * Judged metrics held to their judges' calibration: a judge with a `minAgreement` whose recorded
 * agreement with people (`evals calibrate`) is below it, or was never measured, still scores its
 * metrics, but they do not gate (docs/architecture.md "Gate").
 */
export function calibrationHolds(loaded: LoadedConfig, active: readonly JudgedMetric[]): Array<{ metric: string; reason: string }> {
  const reportsDir = loaded.resolve(loaded.config.reportsDir);
  const held: Array<{ metric: string; reason: string }> = [];
  for (const metric of active) {
    const reasons = metric.judges.flatMap((id) => {
      const min = loaded.config.judges[id]?.minAgreement;
      if (min === undefined) return [];
      const record = readCalibrationRecord(reportsDir, id);
      if (!record) return [`judge "${id}" has minAgreement ${min} but no calibration (run evals calibrate --judge ${id} --labels <file>)`];
      if (record.agreement >= min) return [];
      return [`judge "${id}" agreed with people on ${(record.agreement * 100).toFixed(1)}% of ${record.n} labels, below its minAgreement ${min}`];
    });
    if (reasons.length > 0) held.push({ metric: metric.metric, reason: reasons.join('; ') });
  }
  return held;
}
