import path from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { readBaseline } from '../../reports/baseline.js';
import { compareReports } from '../../gate/compare.js';
import { answerTexts, recordedAnswers } from '../../reports/diff-context.js';
import { renderDiffMarkdown } from '../../reports/diff-markdown.js';
import { evaluateGate } from '../../gate/decision.js';
import { effectiveGate } from '../../gate/rules.js';
import { htmlAnswers } from '../../reports/html/answers.js';
import { buildHtmlData } from '../../reports/html/build.js';
import { renderHtmlReport } from '../../reports/html/render.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { parseCommandArgs } from '../args.js';
import { writeCiOutputs } from '../ci-outputs.js';
import type { CliIO } from '../io.js';
import { gateLines } from '../publish.js';
import { gateFor } from '../gate-for.js';
import { familyText } from '../../gate/wording.js';

/** `evals diff <base.json> <head.json>`: the run's comparison and gate, on two existing reports. */
export default async function diff(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv);
  const [baseArg, headArg, ...extra] = positionals;
  if (!baseArg || !headArg || extra.length > 0) throw new UserError('usage: evals diff <base.json> <head.json>');
  const base = readBaseline(path.resolve(io.cwd, baseArg), baseArg);
  const head = readBaseline(path.resolve(io.cwd, headArg), headArg);
  if (!base) throw new UserError(`${baseArg}: no such report`);
  if (!head) throw new UserError(`${headArg}: no such report`);

  const gate = effectiveGate(await gateFor(head.report.suite, values.config, io), head.report);
  const comparison = compareReports(base.report, head.report, gate);
  if (comparison.comparability?.paired === 0) {
    const other = base.report.suite === head.report.suite ? '' : ` (suites "${base.report.suite}" and "${head.report.suite}")`;
    throw new UserError(`no item of ${headArg} is in ${baseArg} with the same slices${other}: nothing to compare, so no verdict`);
  }
  const verdict = evaluateGate(comparison, head.report, gate);
  // Each answers file is read once; the Markdown shows their texts, the page the whole answers.
  const baseAnswers = base.outputs ? recordedAnswers(base.outputs) : undefined;
  const headAnswers = head.outputs ? recordedAnswers(head.outputs) : undefined;
  const markdown = renderDiffMarkdown(comparison, verdict, {
    ...(baseAnswers ? { baseAnswers: answerTexts(baseAnswers) } : {}),
    ...(headAnswers ? { headAnswers: answerTexts(headAnswers) } : {}),
  });
  if (values.html) {
    const page = buildHtmlData({
      head: head.report,
      base: base.report,
      comparison,
      verdict,
      ...(headAnswers ? { headAnswers: htmlAnswers(headAnswers) } : {}),
      ...(baseAnswers ? { baseAnswers: htmlAnswers(baseAnswers) } : {}),
    });
    writeFileAtomic(path.resolve(io.cwd, values.html), renderHtmlReport(page));
  }
  io.stdout.write(`${markdown}\n${gateLines(verdict, baseArg, familyText(comparison), false, false)}`);
  writeCiOutputs(
    [{ exitCode: 0, markdown, junit: { comparison, verdict, head: head.report }, annotations: [] }],
    { summary: values.summary, junit: values.junit },
    io,
  );
  return verdict.passed ? ExitCode.ok : ExitCode.gateFailed;
}
