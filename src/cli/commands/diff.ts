import path from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { readBaseline } from '../../reports/baseline.js';
import { compareReports } from '../../gate/compare.js';
import { answerTexts } from '../../reports/diff-context.js';
import { MAX_DIFF_ITEMS } from '../../reports/diff-items.js';
import { renderDiffMarkdown } from '../../reports/diff-markdown.js';
import { evaluateGate } from '../../gate/decision.js';
import { effectiveGate } from '../../gate/rules.js';
import { htmlAnswersInIdOrder } from '../../reports/html/answers.js';
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
  // The Markdown shows the answers of the items it lists; the page walks each file once, in id order.
  const shown = new Set(comparison.regressedItems.slice(0, MAX_DIFF_ITEMS).map((change) => change.id));
  const markdown = renderDiffMarkdown(comparison, verdict, {
    ...(base.outputs ? { baseAnswers: answerTexts(base.outputs.only(shown)) } : {}),
    ...(head.outputs ? { headAnswers: answerTexts(head.outputs.only(shown)) } : {}),
  });
  if (values.html) {
    const page = buildHtmlData({
      head: head.report,
      base: base.report,
      comparison,
      verdict,
      ...(head.outputs ? { headAnswers: htmlAnswersInIdOrder(head.outputs) } : {}),
      ...(base.outputs ? { baseAnswers: htmlAnswersInIdOrder(base.outputs) } : {}),
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
