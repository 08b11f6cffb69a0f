import path from 'node:path';
import type { LoadedConfig } from '../../config/load.js';
import { UserError } from '../../errors.js';
import type { VerdictCache } from '../../models/cache.js';
import { createModelVerdictSource } from '../../models/verdict-source.js';
import { batchTransport, type OpenJudgesOptions } from '../judge-sources.js';
import { createReplayVerdictSource, type ReplayVerdictSource } from './replay-source.js';
import type { VerdictSource } from '../../contracts/verdict-source.js';

/** A judge opened for `evals calibrate`: from the config, or recorded verdicts named by `--verdicts`. */
export interface CalibrationJudge {
  id: string;
  source: VerdictSource;
  /** Set for recorded verdicts: their file and the items they cover, to check against the labels. */
  replay?: ReplayVerdictSource;
  live: boolean;
  minAgreement?: number;
}

export interface OpenCalibrationOptions extends Pick<OpenJudgesOptions, 'traffic' | 'batch'> {
  env: NodeJS.ProcessEnv;
  cwd: string;
  cache?: VerdictCache;
}

/** `--verdicts gpt4=recorded.jsonl`, or `--verdicts gpt4.verdicts.jsonl` (id: the file name without `.verdicts.jsonl`). */
export function parseVerdictsFlag(value: string): { id: string; file: string } {
  const eq = value.indexOf('=');
  const [id, file] = eq > 0 ? [value.slice(0, eq), value.slice(eq + 1)] : [path.basename(value).replace(/(\.verdicts)?\.jsonl$/i, ''), value];
  if (!id || !file) throw new UserError(`--verdicts takes [<id>=]<file>, got "${value}"`);
  return { id, file };
}

const pairwiseBothRecorded = (source: ReplayVerdictSource) => (itemId: string) =>
  source.has(`${itemId}/pairwise/original`) && source.has(`${itemId}/pairwise/swapped`);

/** Opens the judges in order: config judges by id, then each recorded-verdicts file. */
export async function openCalibrationJudges(
  loaded: LoadedConfig,
  ids: readonly string[],
  verdictFiles: readonly string[],
  options: OpenCalibrationOptions,
): Promise<Array<CalibrationJudge & { bothOrders: (itemId: string) => boolean }>> {
  const { config } = loaded;
  const judges: Array<CalibrationJudge & { bothOrders: (itemId: string) => boolean }> = [];
  const seen = new Set<string>();
  const once = (id: string) => {
    if (seen.has(id)) throw new UserError(`judge "${id}" is named twice: give each --verdicts file its own id (--verdicts <id>=<file>)`);
    seen.add(id);
  };
  for (const id of ids) {
    once(id);
    const judge = config.judges[id];
    if (!judge) {
      const known = Object.keys(config.judges).join(', ') || 'none';
      throw new UserError(`unknown judge "${id}" (judges in ${loaded.display(loaded.file)}: ${known})`);
    }
    const minAgreement = judge.minAgreement === undefined ? {} : { minAgreement: judge.minAgreement };
    if (judge.provider === 'replay') {
      const replay = await createReplayVerdictSource(id, judge, { configDir: loaded.dir, display: loaded.display });
      judges.push({ id, source: replay, replay, live: false, bothOrders: pairwiseBothRecorded(replay), ...minAgreement });
      continue;
    }
    const source = await createModelVerdictSource(id, judge, {
      env: options.env,
      timeoutMs: config.timeoutSeconds * 1000,
      prices: config.prices,
      ...(options.traffic ? { traffic: options.traffic } : {}),
      ...(options.batch ? { batch: batchTransport(options.batch, id) } : {}),
      ...(options.cache ? { cache: options.cache } : {}),
    });
    judges.push({ id, source, live: true, bothOrders: () => true, ...minAgreement });
  }
  for (const value of verdictFiles) {
    const { id, file } = parseVerdictsFlag(value);
    once(id);
    const replay = await createReplayVerdictSource(
      id,
      { path: file, source: `recorded verdicts in ${file}` },
      { configDir: options.cwd, display: loaded.display },
    );
    judges.push({ id, source: replay, replay, live: false, bothOrders: pairwiseBothRecorded(replay) });
  }
  return judges;
}

/**
 * How the labels and a judge's recorded verdicts overlap. None at all is a mistake (the wrong
 * file, or ids from another conversion), so it is exit 2 naming both files; some is reported with
 * the count, the labels without a verdict counting as judge errors.
 */
export function checkOverlap(labelIds: readonly string[], replay: ReplayVerdictSource, labelsFile: string): string | undefined {
  const recorded = replay.itemIds();
  const covered = labelIds.filter((id) => recorded.has(id)).length;
  if (covered === 0) {
    const example = (ids: Iterable<string>) =>
      [...ids]
        .slice(0, 2)
        .map((id) => `"${id}"`)
        .join(', ') || 'none';
    throw new UserError(
      `no label in ${labelsFile} has a recorded verdict in ${replay.file}: their ids do not overlap ` +
        `(labels: ${example(labelIds)}, ...; verdicts: ${example(recorded)}, ...)`,
    );
  }
  const labelSet = new Set(labelIds);
  const extra = [...recorded].filter((id) => !labelSet.has(id)).length;
  if (covered === labelIds.length && extra === 0) return undefined;
  const missing = labelIds.length - covered;
  const parts = [
    `${replay.file} has verdicts for ${covered} of the ${labelIds.length} labels in ${labelsFile}`,
    ...(missing > 0 ? [`the other ${missing} count as judge errors`] : []),
    ...(extra > 0 ? [`${extra} of its items are not among the labels and are left out`] : []),
  ];
  return parts.join('; ');
}
