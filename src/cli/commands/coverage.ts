import path from 'node:path';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import { ExitCode, UserError } from '../../errors.js';
import { COVERAGE_SCHEMA, coverageOf, sharesItems, type CoverageOutputSchema } from '../../gate/coverage.js';
import { effectiveGate } from '../../gate/rules.js';
import { readBaseline, type Baseline } from '../../reports/baseline.js';
import { renderCoverage } from '../../reports/coverage-text.js';
import { reportPaths } from '../../reports/write.js';
import { listFlag, parseCommandArgs } from '../args.js';
import { gateFor } from '../gate-for.js';
import type { CliIO } from '../io.js';
import type { z } from 'zod';

interface Target {
  baseline: Baseline;
  /** How the report is named on screen: as given, or relative to the config's folder. */
  shown: string;
}

/** `evals coverage`: what each slice of a baseline report can catch now, and the items it needs for more. */
export default async function coverage(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('coverage', argv);
  const targets = positionals.length > 0 ? fromFiles(positionals, io) : fromConfig(await loadConfig(values.config, io.cwd), values, io);
  if (values.rerun !== undefined && targets.length !== 1)
    throw new UserError(`--rerun measures one report's discordance; ${targets.length} reports are covered here: name one`);
  const rerun = values.rerun === undefined ? undefined : readBaseline(path.resolve(io.cwd, values.rerun), values.rerun);
  if (values.rerun !== undefined && !rerun) throw new UserError(`--rerun ${values.rerun}: no such report`);

  const reports: z.infer<typeof CoverageOutputSchema>['reports'] = [];
  const text: string[] = [];
  for (const { baseline, shown } of targets) {
    if (rerun && !sharesItems(baseline.report, rerun.report))
      throw new UserError(`--rerun ${values.rerun}: no item of it is in ${shown} with the same slices, so it measures nothing about this report`);
    const gate = effectiveGate(await gateFor(baseline.report.suite, values.config, io), baseline.report);
    const result = coverageOf(baseline.report, gate, rerun ? { rerun: rerun.report } : {});
    reports.push({ file: shown, ...result });
    text.push(renderCoverage(result, shown));
  }
  io.stdout.write(values.json ? `${JSON.stringify({ schema: COVERAGE_SCHEMA, reports }, null, 2)}\n` : text.join('\n'));
  return ExitCode.ok;
}

function fromFiles(files: readonly string[], io: CliIO): Target[] {
  return files.map((file) => {
    const baseline = readBaseline(path.resolve(io.cwd, file), file);
    if (!baseline) throw new UserError(`${file}: no such report (a baseline is made by \`evals run\`)`);
    return { baseline, shown: file };
  });
}

/**
 * The baseline of every suite x candidate the flags name (else every candidate's suites). A named
 * candidate without a report is an error; an unnamed one is only skipped, with a note.
 */
function fromConfig(loaded: LoadedConfig, values: { candidate?: string[]; suite?: string[]; 'reports-dir'?: string }, io: CliIO): Target[] {
  const { config } = loaded;
  const named = listFlag(values.candidate);
  const suites = listFlag(values.suite);
  for (const suite of suites) {
    if (!config.suites[suite]) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(config.suites).join(', ')})`);
  }
  for (const candidate of named) {
    if (!config.candidates[candidate]) throw new UserError(`unknown candidate "${candidate}" (known: ${Object.keys(config.candidates).join(', ')})`);
  }
  const reportsDir = loaded.resolve(values['reports-dir'] ?? config.reportsDir);
  const targets: Target[] = [];
  const missing: string[] = [];
  for (const candidate of named.length > 0 ? named : Object.keys(config.candidates)) {
    const own = config.candidates[candidate]?.suites ?? Object.keys(config.suites);
    for (const suite of suites.length > 0 ? suites.filter((s) => named.length > 0 || own.includes(s)) : own) {
      const file = reportPaths(reportsDir, suite, candidate).json;
      const shown = loaded.display(file);
      const baseline = readBaseline(file, shown);
      if (baseline) targets.push({ baseline, shown });
      else missing.push(shown);
    }
  }
  if (named.length > 0 && missing.length > 0) {
    throw new UserError(`no baseline report at ${missing.join(', ')}: run \`evals run --candidate ${named.join(',')}\` to make one, or name a report file`);
  }
  if (targets.length === 0)
    throw new UserError(`no baseline report yet (looked in ${loaded.display(reportsDir)}): run \`evals run\` to make one, or name a report file`);
  if (missing.length > 0) io.stderr.write(`note: no report yet for ${missing.length} suite x candidate pair(s), skipped: ${missing.join(', ')}\n`);
  return targets;
}
