import { loadConfig } from '../../config/load.js';
import { ExitCode, UserError } from '../../errors.js';
import { forgettingReport, renderForgettingMarkdown, renderForgettingTerminal } from '../../reports/forgetting-report.js';
import { compareRetention } from '../../reports/retention.js';
import { loadSuiteItems } from '../../runner/setup.js';
import { effectiveGate } from '../../gate/rules.js';
import { loadRubrics } from '../../scoring/judges/rubrics.js';
import { writeFilesAtomic } from '../../util/atomic-write.js';
import { listFlag, parseCommandArgs, positiveInt, singleFlag } from '../args.js';
import type { CliIO } from '../io.js';
import { withEnvFile } from '../env-file.js';
import { runContext, runForReport } from '../run-for-report.js';
import path from 'node:path';

/**
 * `evals forgetting --candidate X`: X and the base it names in config, on the same suites, items
 * paired by id; retention per capability; exit 1 when a capability is significantly below its
 * threshold. Writes reports/<suite>/<X>.forgetting.json (diffable) and .md.
 */
export default async function forgetting(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('forgetting', argv);
  const candidateId = singleFlag('forgetting', 'candidate', values.candidate);
  if (!candidateId) throw new UserError('evals forgetting: --candidate <id> is required');
  const loaded = await loadConfig(values.config, io.cwd);
  io = withEnvFile(io, values['env-file'], loaded.dir);
  const candidate = loaded.config.candidates[candidateId];
  if (!candidate) throw new UserError(`unknown candidate "${candidateId}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  if (!candidate.base) throw new UserError(`candidate "${candidateId}" names no base: add base: '<candidate id>' to it in the config`);
  const suites = listFlag(values.suite).length > 0 ? listFlag(values.suite) : (candidate.suites ?? Object.keys(loaded.config.suites));
  const rubrics = await loadRubrics(loaded.resolve(loaded.config.rubricsDir), loaded.display);
  const context = runContext(loaded, io, rubrics, values, { concurrency: positiveInt('concurrency', values.concurrency) });
  const reportsDir = loaded.resolve(values['reports-dir'] ?? loaded.config.reportsDir);

  let exitCode: number = ExitCode.ok;
  for (const suite of suites) {
    const items = await loadSuiteItems(loaded, suite);
    const base = await runForReport(context, suite, candidate.base, items);
    if (!base) return ExitCode.runIncomplete;
    const head = await runForReport(context, suite, candidateId, items);
    if (!head) return ExitCode.runIncomplete;
    base.release();
    head.release();
    const gate = loaded.config.suites[suite]?.gate;
    if (!gate) throw new UserError(`unknown suite "${suite}"`);
    const report = forgettingReport(suite, candidateId, candidate.base, compareRetention(base.report, head.report, effectiveGate(gate, head.report)));
    const file = path.join(reportsDir, suite, `${candidateId}.forgetting`);
    writeFilesAtomic([
      [`${file}.md`, renderForgettingMarkdown(report)],
      [`${file}.json`, `${JSON.stringify(report, null, 2)}\n`],
    ]);
    io.stdout.write(`\n${renderForgettingTerminal(report)}report: ${loaded.display(`${file}.json`)} (.md beside it)\n`);
    if (!report.passed) exitCode = ExitCode.gateFailed;
    for (const finished of [base, head]) {
      const errors = finished.report.summary.errors;
      if (errors > gate.maxErrors) {
        io.stderr.write(`${suite}/${finished.run.candidate}: ${errors} items ended in an error, over the budget of ${gate.maxErrors}\n`);
        exitCode = ExitCode.runIncomplete;
      }
    }
  }
  return exitCode;
}
