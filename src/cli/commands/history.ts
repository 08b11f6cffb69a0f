import { loadConfig } from '../../config/load.js';
import { ExitCode, UserError } from '../../errors.js';
import { buildHistory, type CommittedReport, type History } from '../../history/history.js';
import { renderHistory } from '../../history/terminal.js';
import { readReportText } from '../../reports/baseline.js';
import { fileHistory } from '../../reports/git-history.js';
import { reportPaths } from '../../reports/write.js';
import { listFlag, parseCommandArgs, positiveInt, singleFlag } from '../args.js';
import type { CliIO } from '../io.js';

const DEFAULT_LAST = 10;

/**
 * `evals history --candidate <id>`: each gated slice x metric of the candidate's committed report
 * over the last N commits that changed it. git is the results store: nothing else is kept.
 */
export default async function history(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs('history', argv);
  const candidate = singleFlag('history', 'candidate', values.candidate);
  if (!candidate) throw new UserError('evals history: --candidate <id> is required (whose committed report to follow)');
  const last = positiveInt('last', values.last) ?? DEFAULT_LAST;
  const loaded = await loadConfig(values.config, io.cwd);
  const { config } = loaded;
  const candidateConfig = config.candidates[candidate];
  if (!candidateConfig) throw new UserError(`unknown candidate "${candidate}" (known: ${Object.keys(config.candidates).join(', ')})`);
  const named = listFlag(values.suite);
  for (const suite of named) if (!config.suites[suite]) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(config.suites).join(', ')})`);
  const suites = named.length > 0 ? named : (candidateConfig.suites ?? Object.keys(config.suites));
  const reportsDir = loaded.resolve(values['reports-dir'] ?? config.reportsDir);

  const histories: History[] = [];
  for (const suite of suites) {
    const { shown, versions } = fileHistory(reportPaths(reportsDir, suite, candidate).json, last);
    const reports: CommittedReport[] = [];
    const skipped: History['skipped'] = [];
    for (const version of versions) {
      const parsed = parseReport(version.text);
      if (typeof parsed === 'string') skipped.push({ commit: version.commit, reason: parsed });
      else reports.push({ commit: version.commit, date: version.date, subject: version.subject, report: parsed });
    }
    if (reports.length === 0)
      throw new UserError(
        `evals history: no commit of ${shown} holds a report this version of evals reads (${skipped.map((s) => `${s.commit.slice(0, 7)}: ${s.reason}`).join('; ')})`,
      );
    histories.push(buildHistory({ suite, candidate, file: shown }, reports, config.suites[suite]?.gate ?? { metrics: {} }, skipped));
  }
  io.stdout.write(values.json ? `${JSON.stringify(histories.length === 1 ? histories[0] : histories, null, 2)}\n` : histories.map(renderHistory).join('\n'));
  return ExitCode.ok;
}

/** The report, or why it cannot be read. */
function parseReport(text: string): CommittedReport['report'] | string {
  const read = readReportText(text);
  if ('notJson' in read) return 'not JSON';
  if ('report' in read) return read.report;
  const issue = read.invalid.issues[0];
  return `not a report this version reads (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid'})`;
}
