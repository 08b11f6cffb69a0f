import { orderMetrics } from '../report-schema.js';
import { OVERALL, type Comparison, type MetricComparison } from '../gate/types.js';
import { formatMean, percentOf } from '../util/format.js';
import { formatChange, rowLabel } from '../gate/wording.js';
import type { GateFailure, GateVerdict } from '../gate/decision.js';
import type { Report } from '../report-schema.js';
import { defineReporter, type JUnitEntry } from './writer.js';
import { hostname } from 'node:os';

export interface JUnitOptions {
  /** When the run happened; the schema requires it. Default: now. */
  timestamp?: Date;
  hostname?: string;
}

/**
 * The gate as JUnit XML (valid against the Ant JUnit schema CI systems read): one testsuite per
 * suite x candidate, one testcase per slice x gated metric, a failure carrying the gate's reasons.
 */
export function renderJUnit(entries: readonly JUnitEntry[], options: JUnitOptions = {}): string {
  const timestamp = (options.timestamp ?? new Date()).toISOString().slice(0, 19);
  const hostname = options.hostname?.trim() || 'localhost';
  const suites = entries.flatMap((entry, id) => testSuite(entry, id, timestamp, hostname));
  return `${['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', ...suites, '</testsuites>'].join('\n')}\n`;
}

function testSuite({ comparison, verdict, head, timeSeconds }: JUnitEntry, id: number, timestamp: string, hostname: string): string[] {
  const cases = testCases(comparison, verdict, head);
  const failed = cases.filter((c) => c.failures.length > 0).length;
  const classname = `${head.suite}.${head.candidate.id}`;
  const properties: Array<[string, string]> = [
    ['suite', head.suite],
    ['candidate', head.candidate.id],
    ['baseline', comparison.base?.id ?? 'none'],
    ['alpha', String(comparison.alpha)],
    ['comparisons', String(comparison.family)],
  ];
  const suiteAttributes = attributes({
    name: classname,
    package: 'evals',
    id: String(id),
    timestamp,
    hostname,
    tests: String(cases.length),
    failures: String(failed),
    errors: '0',
    time: String(Math.max(0, timeSeconds ?? 0)),
  });
  const lines = [
    `  <testsuite ${suiteAttributes}>`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property ${attributes({ name, value })}/>`),
    '    </properties>',
  ];
  for (const c of cases) {
    const open = `    <testcase ${attributes({ name: rowLabel(c.slice, c.metric), classname, time: '0' })}`;
    if (c.failures.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    const message = c.failures.map((f) => f.message).join('; ');
    const type = [...new Set(c.failures.map((f) => f.rule))].join(',');
    lines.push(`${open}>`, `      <failure ${attributes({ message, type })}>${text(failureDetail(c, comparison.power))}</failure>`, '    </testcase>');
  }
  lines.push(`    <system-out>${text(verdict.notes.join('\n'))}</system-out>`, '    <system-err></system-err>', '  </testsuite>');
  return lines;
}

interface TestCase {
  slice: string;
  metric: string;
  row: MetricComparison | undefined;
  failures: GateFailure[];
}

/** Every slice x gated metric the head report or the comparison has, in the report's order. */
function testCases(comparison: Comparison, verdict: GateVerdict, head: Report): TestCase[] {
  const groups = [OVERALL, ...Object.keys(head.slices).sort((a, b) => Number(head.slices[b]?.longTail) - Number(head.slices[a]?.longTail))];
  const cases: TestCase[] = [];
  for (const slice of groups) {
    const summary = slice === OVERALL ? head.summary : head.slices[slice];
    const fromRows = comparison.rows.filter((r) => r.slice === slice && r.gated).map((r) => r.metric);
    const inHead = Object.keys(summary?.metrics ?? {}).filter((m) => comparison.gatedMetrics.includes(m));
    const metrics = orderMetrics([...new Set([...inHead, ...fromRows])]);
    for (const metric of metrics) {
      cases.push({
        slice,
        metric,
        row: comparison.rows.find((r) => r.slice === slice && r.metric === metric),
        failures: verdict.failures.filter((f) => f.slice === slice && f.metric === metric),
      });
    }
  }
  // The run's own failures (errors over budget, an unscored metric) have no row: each is a case of its own.
  for (const failure of verdict.failures) {
    if (!cases.some((c) => c.failures.includes(failure))) cases.push({ slice: failure.slice, metric: failure.metric, row: undefined, failures: [failure] });
  }
  return cases;
}

function failureDetail(c: TestCase, power: number): string {
  const lines = c.failures.map((f) => f.message);
  if (c.row) {
    const mdd = c.row.minDetectableDrop === null ? 'none' : `${(c.row.minDetectableDrop * 100).toFixed(1)} points`;
    lines.push(`n = ${c.row.n} paired items; ${formatMean(c.row.meanBase)} → ${formatMean(c.row.meanHead)} (${formatChange(c.row)}); detectable drop at ${percentOf(power)} power: ${mdd}`);
  }
  return lines.join('\n');
}

function attributes(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;')}"`)
    .join(' ');
}

function text(value: string): string {
  return escapeXml(value);
}

/** Escapes markup and drops the characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates). */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export const junitWriter = defineReporter({
  name: 'junit',
  summary: 'JUnit XML: one test case per slice x metric',
  perRun: { flag: 'junit', render: (entries) => renderJUnit(entries.map((e) => e.junit), { hostname: hostname() }) },
});
