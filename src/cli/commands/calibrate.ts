import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { ExitCode, UserError, errorMessage } from '../../errors.js';
import { VerdictCache } from '../../models/cache.js';
import { createModelVerdictSource } from '../../models/verdict-source.js';
import { labelsOnScale, parseLabels } from '../../scoring/judges/calibrate-labels.js';
import { absoluteMetrics, pairwiseMetrics } from '../../scoring/judges/calibrate-metrics.js';
import { formatAbsoluteReport, formatPairwiseReport } from '../../scoring/judges/calibrate-report.js';
import { judgeAbsoluteLabels, judgePairwiseLabels } from '../../scoring/judges/calibrate-run.js';
import { createReplayVerdictSource } from '../../scoring/judges/replay-source.js';
import { loadRubrics, requireRubric } from '../../scoring/judges/rubrics.js';
import type { VerdictSource } from '../../scoring/judges/types.js';
import { calibrationRecord, writeCalibrationRecord, type CalibrationRecord } from '../../scoring/judges/calibration-record.js';
import { parseCommandArgs, positiveInt } from '../args.js';
import type { CliIO } from '../io.js';

/** A judge from the config as a verdict source, and whether it can judge a pairwise item's swapped order. */
async function resolveJudge(
  loaded: LoadedConfig,
  id: string,
  io: CliIO,
): Promise<{ source: VerdictSource; bothOrders: (itemId: string) => boolean }> {
  const { config } = loaded;
  const judge = config.judges[id];
  if (!judge) {
    const known = Object.keys(config.judges).join(', ') || 'none';
    throw new UserError(`unknown judge "${id}" (judges in ${loaded.display(loaded.file)}: ${known})`);
  }
  if (judge.provider === 'replay') {
    const source = await createReplayVerdictSource(id, judge, { configDir: loaded.dir, display: loaded.display });
    // Recorded verdicts: the swapped order is judged only where it was recorded.
    return { source, bothOrders: (itemId) => source.has(`${itemId}/pairwise/original`) && source.has(`${itemId}/pairwise/swapped`) };
  }
  const source = await createModelVerdictSource(id, judge, {
    env: io.env,
    timeoutMs: config.timeoutSeconds * 1000,
    prices: config.prices,
    cache: new VerdictCache(loaded.resolve(config.cacheDir)),
  });
  return { source, bothOrders: () => true };
}

/**
 * `evals calibrate --judge <id> --labels <file> [--rubric <id>]`: runs a judge over human labels
 * and prints how well it agrees. Exits 0 with the report; judge errors are in it, never dropped.
 */
export default async function calibrate(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('calibrate', argv);
  if (!values.judge) throw new UserError('evals calibrate: --judge <id> is required');
  if (!values.labels) throw new UserError('evals calibrate: --labels <file> is required');
  const loaded = await loadConfig(values.config, io.cwd);
  const labelsPath = path.resolve(io.cwd, values.labels);
  const labelsShown = loaded.display(labelsPath);
  let text: string;
  try {
    text = await readFile(labelsPath, 'utf8');
  } catch (err) {
    throw new UserError(`${labelsShown}: cannot read labels: ${errorMessage(err)}`);
  }
  const set = parseLabels(text, labelsShown);
  const rubricsDir = loaded.resolve(loaded.config.rubricsDir);
  const rubric = values.rubric ? requireRubric(await loadRubrics(rubricsDir, loaded.display), values.rubric, loaded.display(rubricsDir)) : undefined;
  if (set.kind === 'absolute' && !rubric) throw new UserError(`${labelsShown} holds absolute labels: name the rubric they score with --rubric <id>`);
  const absolute = set.kind === 'absolute' && rubric ? labelsOnScale(set, rubric) : undefined;

  const { source, bothOrders } = await resolveJudge(loaded, values.judge, io);
  const options = {
    concurrency: positiveInt('concurrency', values.concurrency) ?? loaded.config.concurrency,
    signal: io.interrupt,
  };
  const header = { judge: values.judge, description: source.description, labelsFile: labelsShown, ...(rubric ? { rubric } : {}) };
  try {
    let record: CalibrationRecord | undefined;
    if (absolute && rubric) {
      const { results, problems } = await judgeAbsoluteLabels(absolute, labelsShown, rubric, source, options);
      const m = absoluteMetrics(results, rubric.scale, rubric.passThreshold);
      io.stdout.write(formatAbsoluteReport(header, m, problems));
      record = calibrationRecord(values.judge, labelsShown, { kind: 'absolute', m });
    } else if (set.kind === 'pairwise') {
      const { results, problems } = await judgePairwiseLabels(set.labels, labelsShown, source, bothOrders, { ...options, ...(rubric ? { rubric } : {}) });
      const m = pairwiseMetrics(results);
      io.stdout.write(formatPairwiseReport(header, m, problems));
      record = calibrationRecord(values.judge, labelsShown, { kind: 'pairwise', m });
    }
    if (record) {
      const file = writeCalibrationRecord(path.resolve(io.cwd, values['reports-dir'] ?? loaded.resolve(loaded.config.reportsDir)), record);
      const min = loaded.config.judges[values.judge]?.minAgreement;
      const standing = min === undefined ? '' : record.agreement >= min ? ` (≥ minAgreement ${min}: it gates)` : ` (below minAgreement ${min}: its metrics are reported but do not gate)`;
      io.stdout.write(`agreement ${(record.agreement * 100).toFixed(1)}%${standing}; recorded in ${loaded.display(file)}\n`);
    }
  } catch (err) {
    if (!io.interrupt.aborted) throw err;
    io.stderr.write('calibrate: interrupted; no figures, since a partial calibration would mislead\n');
    return ExitCode.runIncomplete;
  }
  return ExitCode.ok;
}
