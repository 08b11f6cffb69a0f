import type { Comparison, ItemChange } from '../gate/types.js';
import { OVERALL } from '../gate/types.js';
import { formatMean } from '../util/format.js';
import { truncate } from './diff-format.js';
import type { GateVerdict } from '../gate/decision.js';

/** Where a golden item was read from (GoldenItem.origin). */
export interface ItemOrigin {
  file: string;
  line: number;
}

/** GitHub shows at most 10 error and 10 warning annotations per step; we stay within 10 in all. */
export const MAX_ANNOTATIONS = 10;
/** GitHub's limit on a step summary (1 MiB); beyond it the summary is not shown at all. */
const MAX_SUMMARY_BYTES = 1024 * 1024;
const MAX_MESSAGE = 500;

/**
 * Workflow-command lines (`::error file=…,line=…,title=…::message`) that pin regressed items to the
 * golden-set line they came from. Items behind a regression the gate failed on are errors and come
 * first; other items that lost score are warnings. At most MAX_ANNOTATIONS lines.
 */
export function githubAnnotations(comparison: Comparison, verdict: GateVerdict, items: ReadonlyMap<string, ItemOrigin>): string[] {
  const failing = verdict.failures.filter((f) => f.rule === 'regression');
  const behindFailure = (item: ItemChange) =>
    failing.some((f) => (f.slice === OVERALL || item.slices.includes(f.slice)) && item.drops.some((d) => d.metric === f.metric));
  const errors = comparison.regressedItems.filter(behindFailure);
  const warnings = comparison.regressedItems.filter((item) => !behindFailure(item));
  const chosen = [...errors.map((item) => ['error', item] as const), ...warnings.map((item) => ['warning', item] as const)];
  return chosen.slice(0, MAX_ANNOTATIONS).map(([level, item]) => annotation(level, item, items.get(item.id)));
}

function annotation(level: 'error' | 'warning', item: ItemChange, origin: ItemOrigin | undefined): string {
  const properties: Array<[string, string]> = [];
  if (origin) properties.push(['file', origin.file], ['line', String(origin.line)]);
  properties.push(['title', `${level === 'error' ? 'Regression' : 'Lower score'}: ${item.id} (${item.slices.join(', ')})`]);
  const drops = item.drops.map((d) => `${d.metric} ${formatMean(d.base)} → ${formatMean(d.head)}`).join(', ');
  const why = item.failures.length > 0 ? ` Now fails: ${item.failures.join('; ')}` : '';
  const message = truncate(`${item.id}: ${drops}.${why}`, MAX_MESSAGE);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

/** Escaping of a workflow command's message (GitHub's toolkit, command.ts escapeData). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (toolkit escapeProperty): also ':' and ','. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The job summary ($GITHUB_STEP_SUMMARY) is the diff markdown, cut to fit GitHub's size limit. */
export function stepSummary(markdown: string): string {
  if (Buffer.byteLength(markdown, 'utf8') <= MAX_SUMMARY_BYTES) return markdown;
  const note = '\n\n… cut here to fit GitHub’s 1 MiB step-summary limit.\n';
  let cut = markdown.slice(0, MAX_SUMMARY_BYTES - 1024);
  while (Buffer.byteLength(cut + note, 'utf8') > MAX_SUMMARY_BYTES) cut = cut.slice(0, -1024);
  // Never end on half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut + note;
}
