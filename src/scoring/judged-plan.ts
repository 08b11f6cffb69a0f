import type { LoadedConfig } from '../config/load.js';
import type { Rubric } from '../config/rubric.js';
import type { SuiteConfig } from '../config/schema.js';
import { UserError, locate } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import { hashOf } from '../util/canonical.js';
import type { JudgeRefs } from './judges/kind.js';
import { judgeKindRegistry } from './judges/kinds.js';

/** One judged metric as the runner applies it: kind, judge ids, and the rubric when it has one. */
export interface JudgedMetric {
  metric: string;
  /** A name of judgeKindRegistry (src/scoring/judges/kinds.ts). */
  kind: string;
  judges: string[];
  rubric?: Rubric;
  /** The entry's options as its kind's schema parsed them (none for a suite's `rubrics`). */
  options?: unknown;
  /** What of the options goes into the report fingerprint (JudgePlan.fingerprint). */
  fingerprint?: Record<string, unknown>;
  /** A rubric named by items themselves: applied to those items only. */
  itemOnly?: boolean;
}

/**
 * The judged metrics of a suite: each of `rubrics` with the suite's `judge`, every entry of
 * `judges`, and the rubrics that items name themselves. Every reference (judge id, rubric id) is
 * checked here, with file and line for items, so a typo fails before anything runs (exit 2).
 */
export function planJudgedMetrics(
  loaded: LoadedConfig,
  suiteName: string,
  suite: SuiteConfig,
  rubrics: ReadonlyMap<string, Rubric>,
  items: readonly GoldenItem[],
): JudgedMetric[] {
  const where = `${loaded.display(loaded.file)}: "suites.${suiteName}`;
  const judge = (id: string, field: string): string => {
    if (!loaded.config.judges[id]) {
      const known = Object.keys(loaded.config.judges).join(', ') || 'none';
      throw new UserError(`${where}.${field}": unknown judge "${id}" (judges in config: ${known})`);
    }
    return id;
  };
  const rubric = (id: string, field: string): Rubric => {
    const found = rubrics.get(id);
    if (!found) throw new UserError(`${where}.${field}": unknown rubric "${id}" (no ${loaded.config.rubricsDir}/${id}.md)`);
    return found;
  };
  const defaultJudge = (field: string): string => {
    if (!suite.judge) throw new UserError(`${where}.judge": a judge is needed for ${field}; name one of config.judges`);
    return judge(suite.judge, 'judge');
  };

  const metrics: JudgedMetric[] = suite.rubrics.map((id, i) => ({
    metric: id,
    kind: 'rubric',
    judges: [defaultJudge(`rubrics.${i}`)],
    rubric: rubric(id, `rubrics.${i}`),
  }));
  suite.judges.forEach((entry, i) => {
    const kind = judgeKindRegistry.get(entry.kind);
    if (!kind) throw new UserError(`${where}.judges.${i}.kind": unknown judge kind "${entry.kind}"`);
    const refs: JudgeRefs = { judge: (id, field) => judge(id, `judges.${i}.${field}`), rubric: (id, field) => rubric(id, `judges.${i}.${field}`) };
    const plan = kind.plan(entry.options, refs);
    metrics.push({
      metric: entry.metric ?? plan.metric ?? entry.kind,
      kind: entry.kind,
      judges: plan.judges,
      ...(plan.rubric ? { rubric: plan.rubric } : {}),
      options: entry.options,
      fingerprint: plan.fingerprint ?? (entry.options as Record<string, unknown>),
    });
  });
  const itemRubrics = [...new Set(items.flatMap((item) => (item.rubric ? [item.rubric] : [])))].filter((id) => !metrics.some((m) => m.metric === id));
  for (const id of itemRubrics) {
    const first = items.find((item) => item.rubric === id);
    const found = rubrics.get(id);
    if (!found || !first) {
      throw new UserError(
        locate(first?.origin.file ?? suiteName, first?.origin.line, `"rubric": unknown rubric "${id}" (no ${loaded.config.rubricsDir}/${id}.md)`),
      );
    }
    metrics.push({ metric: id, kind: 'rubric', judges: [defaultJudge(`an item's rubric "${id}"`)], rubric: found, itemOnly: true });
  }
  const names = metrics.map((m) => m.metric);
  const clash = names.find((name, i) => names.indexOf(name) !== i);
  if (clash) throw new UserError(`${where}": two judged metrics are named "${clash}"; give one a "metric" name`);
  return metrics;
}

/** Item-named rubrics apply to their items only; suite-level metrics to every item. */
export function metricsForItem(metrics: readonly JudgedMetric[], item: GoldenItem): JudgedMetric[] {
  return metrics.filter((m) => !m.itemOnly || m.metric === item.rubric);
}

/** What the judged metrics add to the report fingerprint: judges (no secrets: config holds env var names) and rubric hashes. */
export function judgedFingerprint(loaded: LoadedConfig, metrics: readonly JudgedMetric[]): { judges: unknown; rubricHashes: Record<string, string> } {
  const rubricHashes: Record<string, string> = {};
  for (const m of metrics) if (m.rubric) rubricHashes[m.rubric.id] = m.rubric.hash;
  const judges = metrics.map((m) => ({
    ...m.fingerprint,
    metric: m.metric,
    kind: m.kind,
    judges: m.judges.map((id) => ({ id, config: loaded.config.judges[id] })),
  }));
  return { judges: hashOf(judges), rubricHashes };
}
