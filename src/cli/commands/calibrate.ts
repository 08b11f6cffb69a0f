import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_FILES, displayPath, loadConfig, type LoadedConfig } from '../../config/load.js';
import type { Rubric } from '../../config/rubric.js';
import { ConfigSchema } from '../../config/schema.js';
import { ExitCode, UserError, errorMessage } from '../../errors.js';
import { VerdictCache } from '../../models/cache.js';
import { labelsOnScale, parseLabels } from '../../scoring/judges/calibrate-labels.js';
import { compareJudges, judgeRow } from '../../scoring/judges/calibrate-compare.js';
import { checkOverlap, openCalibrationJudges } from '../../scoring/judges/calibrate-judges.js';
import { formatAbsoluteReport, formatPairwiseReport } from '../../scoring/judges/calibrate-report.js';
import { formatComparison } from '../../reports/calibration-table.js';
import { measureVariant, type CalibrationLabels, type CalibrationVariant, type VariantMeasure } from '../../scoring/judges/calibrate-variant.js';
import { calibrationRecord, writeCalibrationRecord } from '../../scoring/judges/calibration-record.js';
import { loadRubrics, parseRubric, requireRubric } from '../../scoring/judges/rubrics.js';
import { openJudgmentRun, type JudgmentRun } from '../../runner/judgment-run.js';
import { LabelJudgedSchema, type LabelJudged } from '../../scoring/judges/calibrate-run.js';
import { hashOf } from '../../util/canonical.js';
import { listFlag, parseCommandArgs, positiveInt } from '../args.js';
import type { CliIO } from '../io.js';
import { percentOf } from '../../util/format.js';

/**
 * `evals calibrate --judge <id>[,<id>...] [--verdicts [<id>=]<file>] --labels <file>`: runs
 * judges over human labels and prints how well each agrees; one judge gets the full report, more
 * (or one judge with several `--rubric` versions) one table with the significant differences.
 * Each judge's agreement is recorded where runs hold it to its minAgreement. Exits 0, or 1 when
 * `--min-agreement` is given and no judge reaches it.
 */
export default async function calibrate(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('calibrate', argv);
  const judgeIds = listFlag(values.judge);
  const verdictFiles = listFlag(values.verdicts);
  if (judgeIds.length === 0 && verdictFiles.length === 0) throw new UserError('evals calibrate: --judge <id> (or --verdicts <file>) is required');
  if (!values.labels) throw new UserError('evals calibrate: --labels <file> is required');
  const epochs = positiveInt('epochs', values.epochs) ?? 1;
  const minAgreement = fraction('min-agreement', values['min-agreement']);
  const loaded = await loadCalibrationConfig(values.config, io.cwd, judgeIds.length > 0);
  const labelsPath = path.resolve(io.cwd, values.labels);
  const labelsShown = loaded.display(labelsPath);
  let text: string;
  try {
    text = await readFile(labelsPath, 'utf8');
  } catch (err) {
    throw new UserError(`${labelsShown}: cannot read labels: ${errorMessage(err)}`);
  }
  const set = parseLabels(text, labelsShown);
  const rubrics = await resolveRubrics(loaded, listFlag(values.rubric), io.cwd);
  if (set.kind === 'absolute' && rubrics.length === 0)
    throw new UserError(`${labelsShown} holds absolute labels: name the rubric they score with --rubric <id>`);
  const labelsFor = (rubric: Rubric | undefined): CalibrationLabels =>
    set.kind === 'pairwise' ? { kind: 'pairwise', labels: set.labels } : { kind: 'absolute', labels: labelsOnScale(set, rubric as Rubric) };
  // Checked up front, so a label off one rubric's scale stops the command before any judge is paid.
  for (const rubric of rubrics) labelsFor(rubric);

  // Journaled by what is judged: the labels, the judges and rubrics named, the epochs.
  const runName = hashOf([text, judgeIds, verdictFiles, rubrics.map((r) => r.hash), epochs]);
  const judgments = openJudgmentRun({
    loaded,
    name: ['calibrate', runName],
    schema: LabelJudgedSchema,
    concurrency: positiveInt('concurrency', values.concurrency) ?? loaded.config.concurrency,
    live: judgeIds.some((id) => loaded.config.judges[id]?.provider !== 'replay'),
    batch: values.batch ?? false,
    interrupt: io.interrupt,
    progress: (line) => io.stderr.write(`calibrate ${line}\n`),
  });
  try {
    return await calibrateWith(judgments);
  } finally {
    judgments.release();
  }

  async function calibrateWith(judgments: JudgmentRun<LabelJudged>): Promise<number> {
    const judges = await openCalibrationJudges(loaded, judgeIds, verdictFiles, {
      env: io.env,
      cwd: io.cwd,
      ...judgments.judgeOptions(),
      ...(values['no-cache'] ? {} : { cache: new VerdictCache(loaded.resolve(loaded.config.cacheDir)) }),
    });
    const notes = judges
      .flatMap((j) =>
        j.replay
          ? [
              checkOverlap(
                set.labels.map((l) => l.id),
                j.replay,
                labelsShown,
              ),
            ]
          : [],
      )
      .filter((n) => n !== undefined);
    const versions = rubrics.length > 0 ? rubrics : [undefined];
    const names = rubricNames(versions);
    const variants: CalibrationVariant[] = judges.flatMap((judge) =>
      versions.map((rubric, i) => ({
        name: versions.length > 1 ? `${judge.id}@${names[i]}` : judge.id,
        judgeId: judge.id,
        source: judge.source,
        bothOrders: judge.bothOrders,
        live: judge.live,
        ...(rubric ? { rubric } : {}),
      })),
    );
    for (const note of notes) io.stdout.write(`${note}\n`);

    const measured: Array<{ variant: CalibrationVariant; measure: VariantMeasure }> = [];
    try {
      for (const variant of variants)
        measured.push({ variant, measure: await measureVariant(variant, labelsFor(variant.rubric), labelsShown, epochs, judgments.run, io.interrupt) });
    } catch (err) {
      if (!io.interrupt.aborted) throw err;
      const kept = judgments.journalFile
        ? `; the labels judged so far are saved in ${loaded.display(judgments.journalFile)}: run the same command again to finish the rest`
        : '';
      io.stderr.write(`calibrate: interrupted; no figures, since a partial calibration would mislead${kept}\n`);
      return ExitCode.runIncomplete;
    }

    const thresholdOf = (judgeId: string) => minAgreement ?? judges.find((j) => j.id === judgeId)?.minAgreement;
    const rows = measured.map(({ variant, measure }) => ({ row: judgeRow(variant.name, measure, thresholdOf(variant.judgeId)), agreed: measure.agreed }));
    if (measured.length === 1) {
      const [{ variant, measure }] = measured as [(typeof measured)[number]];
      const header = {
        judge: variant.name,
        description: variant.source.description,
        labelsFile: labelsShown,
        ...(variant.rubric ? { rubric: variant.rubric } : {}),
      };
      io.stdout.write(
        measure.kind === 'pairwise' ? formatPairwiseReport(header, measure.m, measure.problems) : formatAbsoluteReport(header, measure.m, measure.problems),
      );
      if (measure.flip)
        io.stdout.write(
          `flips over ${epochs} epochs: ${measure.flip.flipped} of ${measure.flip.total} judgments (${percentOf(measure.flip.total === 0 ? 0 : measure.flip.flipped / measure.flip.total)})\n`,
        );
    } else {
      for (const { variant } of measured) io.stdout.write(`Judge ${variant.name}: ${variant.source.description}\n`);
      io.stdout.write(`\n${formatComparison(compareJudges(rows), { labelsFile: labelsShown, kind: set.kind, epochs })}`);
    }

    const reportsDir = path.resolve(io.cwd, values['reports-dir'] ?? loaded.resolve(loaded.config.reportsDir));
    for (const [i, { variant, measure }] of measured.entries()) {
      const row = rows[i]?.row;
      const standing =
        row?.minAgreement === undefined
          ? ''
          : row.qualifies
            ? ` (≥ minAgreement ${row.minAgreement}: it gates)`
            : ` (below minAgreement ${row.minAgreement}: its metrics are reported but do not gate)`;
      const agreement = `${measured.length > 1 ? `${variant.name}: ` : ''}agreement ${row ? ((row.agreement.count / Math.max(1, row.agreement.total)) * 100).toFixed(1) : '?'}%${standing}`;
      // A judge compared under several rubrics is not one judge: record it once its rubric is chosen.
      if (versions.length > 1) {
        io.stdout.write(`${agreement}; not recorded (rubric versions compared: calibrate the chosen one alone to record it)\n`);
        continue;
      }
      const file = writeCalibrationRecord(reportsDir, calibrationRecord(variant.judgeId, labelsShown, measure, variant.rubric));
      io.stdout.write(`${agreement}; recorded in ${loaded.display(file)}\n`);
    }
    judgments.finish();
    if (minAgreement !== undefined && !rows.some((r) => r.row.qualifies)) return ExitCode.gateFailed;
    return ExitCode.ok;
  }
}

function fraction(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new UserError(`--${flag} takes a share between 0 and 1 (0.85 for 85%), got "${value}"`);
  return n;
}

/**
 * The config, when there is one. Recorded verdicts (`--verdicts`) need none: without one, the
 * defaults apply (reports/, rubrics/) in the working folder.
 */
async function loadCalibrationConfig(configPath: string | undefined, cwd: string, needed: boolean): Promise<LoadedConfig> {
  const found = configPath !== undefined || DEFAULT_CONFIG_FILES.some((name) => existsSync(path.join(cwd, name)));
  if (found || needed) return loadConfig(configPath, cwd);
  return {
    config: ConfigSchema.parse({}),
    file: path.join(cwd, DEFAULT_CONFIG_FILES[0] as string),
    dir: cwd,
    resolve: (p) => path.resolve(cwd, p),
    display: (p) => displayPath(p, cwd),
  };
}

/** `--rubric` values: rubric ids from the rubrics folder, or paths to rubric files (two versions of one rubric). */
async function resolveRubrics(loaded: LoadedConfig, values: readonly string[], cwd: string): Promise<Rubric[]> {
  if (values.length === 0) return [];
  const dir = loaded.resolve(loaded.config.rubricsDir);
  const byId = values.some((v) => !v.endsWith('.md')) ? await loadRubrics(dir, loaded.display) : new Map<string, Rubric>();
  const rubrics: Rubric[] = [];
  for (const value of values) {
    if (!value.endsWith('.md')) {
      rubrics.push(requireRubric(byId, value, loaded.display(dir)));
      continue;
    }
    const file = path.resolve(cwd, value);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new UserError(`${loaded.display(file)}: cannot read rubric: ${errorMessage(err)}`);
    }
    const parsed = parseRubric(bytes, loaded.display(file));
    if ('errors' in parsed) throw new UserError(parsed.errors.join('\n'));
    rubrics.push(parsed.rubric);
  }
  return rubrics;
}

/** Rubric versions by id, or by file name when two versions share an id (the usual case: an edit). */
function rubricNames(versions: ReadonlyArray<Rubric | undefined>): string[] {
  const unique = (names: string[]) => new Set(names).size === names.length;
  const ids = versions.map((r) => r?.id ?? '');
  const files = versions.map((r) => (r ? path.basename(r.file, '.md') : ''));
  return unique(ids) ? ids : unique(files) ? files : versions.map((r) => r?.file ?? '');
}
