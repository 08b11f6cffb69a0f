import type { ReportItem } from '../report-schema.js';
import type { ResultSummary } from '../contracts/item-result.js';

/** What a vitest test shows of one item: the report's verdict, and every check's and judge's say. */
export interface ItemOutcome {
  pass: boolean;
  /** One line for the test's annotation: the item's scores. */
  summary: string;
  /** Every check and judged metric, one line each (✓/✗ name score: reason). */
  lines: string[];
  /** The failure message when the item failed: every check's and judge's line (the report's failure reasons when there are none). */
  message: string | undefined;
  /** Test meta (JSON reporter, `vitest --ui`): the report item as written. */
  meta: EvalTaskMeta;
}

export interface EvalTaskMeta {
  suite: string;
  candidate: string;
  item: string;
  slices: string[];
  pass: boolean;
  scores: Record<string, number>;
  failures: string[];
}

const score = (value: number) => value.toFixed(2);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The outcome of one item as the report states it (so a test fails exactly when the report
 * counts the item as failed), with the reasons from its results: a check's reason, a judge's
 * reasoning (passing verdicts included), an error.
 */
export function itemOutcome(where: { suite: string; candidate: string }, item: ReportItem, results: readonly ResultSummary[]): ItemOutcome {
  const lines: string[] = [];
  results.forEach((result, i) => {
    const epoch = results.length > 1 ? `epoch ${i + 1}: ` : '';
    if (result.error) lines.push(`${epoch}✗ error (${result.error.kind}): ${oneLine(result.error.message)}`);
    for (const check of result.checks) {
      lines.push(`${epoch}${check.pass ? '✓' : '✗'} ${check.name} ${score(check.score)}${check.reason ? `: ${oneLine(check.reason)}` : ''}`);
    }
    for (const judgment of result.judgments) {
      const said = judgment.error ?? judgment.reason;
      const mark = judgment.error ? '✗' : judgment.pass ? '✓' : '✗';
      lines.push(
        `${epoch}${mark} ${judgment.metric} (judge ${judgment.judges.join(', ')}) ${judgment.error ? 'error' : score(judgment.score)}${said ? `: ${oneLine(said)}` : ''}`,
      );
    }
  });
  const scores = Object.entries(item.scores).map(([metric, value]) => `${metric} ${score(value)}`);
  const summary = `${item.pass ? 'passed' : 'failed'}${scores.length > 0 ? ` · ${scores.join(' · ')}` : ''}`;
  const reasons = lines.length > 0 ? lines : item.failures;
  const message = item.pass ? undefined : [`${where.suite}/${where.candidate} item ${item.id} failed:`, ...reasons.map((line) => `  ${line}`)].join('\n');
  return {
    pass: item.pass,
    summary,
    lines,
    message,
    meta: { ...where, item: item.id, slices: item.slices, pass: item.pass, scores: item.scores, failures: item.failures },
  };
}
