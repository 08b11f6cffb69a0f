import { ExitCode, UserError } from '../../errors.js';
import { loadConfig, type LoadedConfig } from '../../config/load.js';
import type { GoldenItem } from '../../goldensets/item.js';
import { renderOutputs } from '../../reports/outputs.js';
import { buildRunInfo } from '../../reports/run-info.js';
import { renderTerminalSummary } from '../../reports/terminal.js';
import { reportPaths, writeReportFiles } from '../../reports/write.js';
import { loadSuiteItems, runSuite } from '../../runner/run-suite.js';
import { Journal } from '../../runner/journal.js';
import { listFlag, parseCommandArgs, positiveInt, positiveNumber, nonNegativeInt } from '../args.js';
import type { CliIO } from '../io.js';

export default async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('run', argv, {
    candidate: { type: 'string', multiple: true },
    suite: { type: 'string', multiple: true },
    config: { type: 'string' },
    sample: { type: 'string' },
    seed: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    fresh: { type: 'boolean' },
    'reports-dir': { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const candidates = listFlag(values.candidate);
  if (candidates.length === 0) throw new UserError('evals run: --candidate <id> is required');
  const sampleSize = positiveInt('sample', values.sample);
  const seed = nonNegativeInt('seed', values.seed) ?? 1;
  const concurrency = positiveInt('concurrency', values.concurrency);
  const timeoutSeconds = positiveNumber('timeout', values.timeout);

  const loaded = await loadConfig(values.config, io.cwd);
  const plan = planRuns(loaded, candidates, listFlag(values.suite));
  const sample = sampleSize === undefined ? undefined : { size: sampleSize, seed };

  // Every golden set is read and checked before anything runs, so bad input exits 2 with no
  // report touched.
  const itemsBySuite = new Map<string, GoldenItem[]>();
  for (const { suite } of plan) {
    if (!itemsBySuite.has(suite)) itemsBySuite.set(suite, await loadSuiteItems(loaded, suite, sample));
  }

  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);
  const silent = { write: () => true };
  let exitCode: number = ExitCode.ok;
  for (const { suite, candidate } of plan) {
    const result = await runSuite({
      loaded,
      suite,
      candidate,
      items: itemsBySuite.get(suite) ?? [],
      sample,
      concurrency,
      timeoutSeconds,
      fresh: values.fresh ?? false,
      interrupt: io.interrupt,
      progress: values.quiet ? silent : io.stderr,
      env: io.env,
    });
    if (!result.report) {
      io.stderr.write(
        `Interrupted: ${result.results.size}/${result.planned} items of ${suite}/${candidate} are done and saved in ` +
          `${loaded.display(result.journalFile)}; no report was written. Run the same command again to finish ` +
          `the rest (--fresh starts over).\n`,
      );
      return ExitCode.runIncomplete;
    }
    const paths = reportPaths(reportsDir, suite, candidate);
    const candidateConfig = loaded.config.candidates[candidate];
    const source = `evals run of candidate "${candidate}" (${candidateConfig?.kind}, ${candidateConfig?.adapter.type} adapter)`;
    writeReportFiles(paths, result.report, buildRunInfo(result), renderOutputs(result.results.values(), source));
    new Journal(result.journalFile).remove();
    io.stdout.write(`\n${renderTerminalSummary(result.report)}`);
    io.stdout.write(`report: ${loaded.display(paths.json)} (.md, .run.json, .outputs.jsonl beside it)\n`);

    const maxErrors = loaded.config.suites[suite]?.gate.maxErrors ?? 0;
    const errors = result.report.summary.errors;
    if (errors > maxErrors) {
      io.stderr.write(`${suite}/${candidate}: ${errors} items ended in an error, over the budget of ${maxErrors} (gate.maxErrors)\n`);
      exitCode = ExitCode.runIncomplete;
    }
  }
  return exitCode;
}

/** Which suite x candidate pairs to run: --suite, else the candidate's own suites, else all. */
function planRuns(loaded: LoadedConfig, candidates: string[], suites: string[]): Array<{ suite: string; candidate: string }> {
  const { config } = loaded;
  for (const suite of suites) {
    if (!config.suites[suite]) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(config.suites).join(', ')})`);
  }
  return candidates.flatMap((candidate) => {
    const candidateConfig = config.candidates[candidate];
    if (!candidateConfig) {
      throw new UserError(`unknown candidate "${candidate}" (known: ${Object.keys(config.candidates).join(', ')})`);
    }
    const chosen = suites.length > 0 ? suites : (candidateConfig.suites ?? Object.keys(config.suites));
    return chosen.map((suite) => ({ suite, candidate }));
  });
}
