import type { GateVerdict } from '../../gate/decision.js';
import type { Comparison } from '../../gate/types.js';
import type { GoldenItem } from '../../goldensets/item.js';
import type { ItemResult } from '../../contracts/item-result.js';
import { judgeManipulation } from '../../scoring/judges/manipulation-guard.js';
import type { Report, ReportItem } from '../../report-schema.js';
import { resultDetail, type AnswerLookup } from './answers.js';
import { HTML_SCHEMA, type HtmlAnswer, type HtmlGate, type HtmlItem, type HtmlReport, type HtmlSide } from './model.js';

export interface HtmlReportInput {
  head: Report;
  base?: Report | undefined;
  /** The comparison and verdict the gate printed; absent when there was no baseline to compare with. */
  comparison?: Comparison | undefined;
  verdict?: GateVerdict | undefined;
  /** The golden items, for each item's input, reference and gold sources. */
  golden?: readonly GoldenItem[] | undefined;
  /** The run's results sorted by item id, then epoch (as RunFacts.answers gives them): answers and verdicts. */
  headResults?: Iterable<ItemResult> | undefined;
  /** Answers from an `.outputs.jsonl` where the results are not at hand (evals diff). Asked once per item, in id order. */
  headAnswers?: AnswerLookup | undefined;
  baseAnswers?: AnswerLookup | undefined;
}

export interface HtmlPageData {
  page: Omit<HtmlReport, 'items'>;
  /** Streamed: a run's results are read from its journal item by item, never all at once. */
  items: Iterable<HtmlItem>;
}

/** The page's data from the reports, the gate and (when at hand) the run's results and golden items. */
export function buildHtmlData(input: HtmlReportInput): HtmlPageData {
  const { head, base, comparison, verdict } = input;
  const summary = (report: Report) => ({ candidate: report.candidate.id, summary: report.summary, slices: report.slices });
  const page: HtmlPageData['page'] = {
    schema: HTML_SCHEMA,
    title: `${head.suite} · ${head.candidate.id}${base ? ` vs ${base.candidate.id}` : ''}`,
    suite: head.suite,
    candidate: head.candidate,
    head: summary(head),
    ...(base ? { base: summary(base) } : {}),
    ...(comparison && verdict ? { gate: htmlGate(comparison, verdict) } : {}),
  };
  return { page, items: htmlItems(input) };
}

/** Every slice x metric row with the verdict it led to; a failure without a row (a floor with no baseline) stays in `failures`. */
export function htmlGate(comparison: Comparison, verdict: GateVerdict): HtmlGate {
  // A new-items failure is about the slice's unpaired comparison, not its paired row: it stays in `failures` only.
  const failed = new Map(verdict.failures.filter((f) => f.rule !== 'new-items').map((f) => [`${f.slice}\u0000${f.metric}`, f.message]));
  return {
    passed: verdict.passed,
    alpha: comparison.alpha,
    power: comparison.power,
    failures: verdict.failures.map(({ slice, metric, rule, message }) => ({ slice, metric, rule, message })),
    notes: verdict.notes,
    rows: comparison.rows.map((row) => {
      const message = failed.get(`${row.slice}\u0000${row.metric}`);
      return {
        slice: row.slice,
        metric: row.metric,
        longTail: row.longTail,
        gated: row.gated,
        n: row.n,
        meanBase: row.meanBase,
        meanHead: row.meanHead,
        diff: row.diff,
        interval: row.interval,
        pAdjusted: row.pAdjusted,
        minDetectableDrop: row.minDetectableDrop,
        verdict: message !== undefined ? 'fail' : !row.gated ? 'not-gated' : row.excluded ? 'excluded' : 'pass',
        ...(message === undefined ? {} : { message }),
      };
    }),
  };
}

function* htmlItems(input: HtmlReportInput): Generator<HtmlItem> {
  const golden = new Map((input.golden ?? []).map((item) => [item.id, item]));
  const baseItems = new Map((input.base?.items ?? []).map((item) => [item.id, item]));
  const drops = new Map((input.comparison?.regressedItems ?? []).map((change) => [change.id, change.drops]));
  const results = firstResults(input.headResults);
  for (const item of input.head.items) {
    const result = results.next(item.id);
    const detail = result ? resultDetail(result) : undefined;
    const answer = detail?.answer ?? input.headAnswers?.get(item.id);
    const gold = golden.get(item.id);
    const baseItem = baseItems.get(item.id);
    const baseAnswer = input.baseAnswers?.get(item.id);
    // One literal each, not spreads of optional parts: an absent part is an undefined key, which
    // the page's JSON leaves out as it left out the key, and 10k items share one shape.
    yield {
      id: item.id,
      slices: item.slices,
      input: gold?.input,
      reference: gold?.reference,
      gold: gold?.sources,
      drops: drops.get(item.id),
      manipulation: (answer !== undefined && judgeManipulation(answer.text) !== undefined) || item.failures.some((f) => f.includes('judge-manipulation')),
      head: side(item, answer, detail),
      base: baseItem && side(baseItem, baseAnswer, undefined),
    };
  }
}

function side(item: ReportItem, answer: HtmlAnswer | undefined, detail: ReturnType<typeof resultDetail> | undefined): HtmlSide {
  return {
    pass: item.pass,
    scores: item.scores,
    failures: item.failures,
    error: item.error,
    answer,
    checks: detail?.checks,
    judgments: detail?.judgments,
  };
}

/**
 * A cursor over results sorted by id (code-point order, as report items are): `next(id)` returns
 * the first result of that id, skipping later epochs and ids the report does not hold.
 */
function firstResults(results: Iterable<ItemResult> | undefined): { next(id: string): ItemResult | undefined } {
  const iterator = results?.[Symbol.iterator]();
  let current = iterator?.next();
  return {
    next(id: string) {
      while (current && !current.done && current.value.itemId < id) current = iterator?.next();
      if (!current || current.done || current.value.itemId !== id) return undefined;
      const found = current.value;
      while (current && !current.done && current.value.itemId === id) current = iterator?.next();
      return found;
    },
  };
}
