import { normaliseScore, type Rubric } from '../../config/rubric.js';
import { cohensKappa, fleissKappa } from '../../stats/agreement.js';
import { z } from 'zod';
import { defineJudge } from './kind.js';
import { spendOf } from './spend.js';
import { rubricRequest } from './rubric.js';
import { type JudgeInput, type JudgeOutcome } from './types.js';
import { JudgeError, type VerdictResponse, type VerdictSource } from '../../contracts/verdict-source.js';

export interface PanelJudgeOptions {
  rubric: Rubric;
  /** mean: the mean raw score must reach the threshold; majority: more than half the judges must pass (a tie fails). */
  aggregate: 'mean' | 'majority';
}

type RubricResponse = VerdictResponse<{ reasoning: string; score: number }>;

/** Every member's verdict, or a JudgeError naming each member that failed: a panel never drops a judge silently. */
async function askAll(sources: ReadonlyArray<VerdictSource>, input: JudgeInput, rubric: Rubric): Promise<RubricResponse[]> {
  const request = rubricRequest(input.item, input.output, rubric);
  const settled = await Promise.allSettled(sources.map((source) => source.verdict(request, input.signal)));
  if (input.signal.aborted) throw input.signal.reason;
  const failed: string[] = [];
  const responses: RubricResponse[] = [];
  settled.forEach((result, i) => {
    const id = sources[i]?.id ?? String(i);
    if (result.status === 'fulfilled') responses.push(result.value);
    else if (result.reason instanceof JudgeError) failed.push(`${id}: ${result.reason.message}`);
    else throw result.reason;
  });
  if (failed.length > 0) throw new JudgeError(`panel member failed (${failed.join('; ')})`);
  return responses;
}

/**
 * Several judges apply the same rubric to one answer. The score is the mean normalised score for
 * either aggregate; `details` holds each judge's normalised score, keyed by judge id.
 */
export async function judgePanel(input: JudgeInput, sources: ReadonlyArray<VerdictSource>, options: PanelJudgeOptions): Promise<JudgeOutcome> {
  const { rubric, aggregate } = options;
  if (sources.length < 2) throw new Error('a panel needs at least two judges');
  const responses = await askAll(sources, input, rubric);
  const raw = responses.map((response) => response.value.score);
  const normalised = raw.map((score) => normaliseScore(rubric.scale, score));
  const meanRaw = raw.reduce((sum, s) => sum + s, 0) / raw.length;
  const passes = raw.filter((score) => score >= rubric.passThreshold).length;
  const pass = aggregate === 'mean' ? meanRaw >= rubric.passThreshold : passes * 2 > raw.length;
  const details: Record<string, number> = {};
  sources.forEach((source, i) => {
    details[source.id] = normalised[i] as number;
  });
  const summary =
    aggregate === 'mean' ? `mean score ${Number(meanRaw.toFixed(3))} (pass at ${rubric.passThreshold})` : `${passes} of ${raw.length} judges pass`;
  return {
    score: normalised.reduce((sum, s) => sum + s, 0) / normalised.length,
    pass,
    reason: [summary, ...responses.map((response, i) => `${sources[i]?.id}: ${response.value.reasoning}`)].join('\n'),
    details,
    ...spendOf(responses),
  };
}

export interface PanelAgreement {
  method: 'cohen' | 'fleiss';
  /** Null when undefined: every judge used a single label, so chance agreement is 1. */
  kappa: number | null;
  observed: number;
  expected: number;
  judges: number;
  items: number;
}

/**
 * How much a panel's judges agree beyond chance, from `labels[judge][item]` (e.g. "pass"/"fail"
 * or the raw score as text): Cohen's kappa for two judges, Fleiss' kappa for three or more.
 */
export function panelAgreement(labels: ReadonlyArray<ReadonlyArray<string>>): PanelAgreement {
  const judges = labels.length;
  if (judges < 2) throw new RangeError('panelAgreement needs the labels of at least two judges');
  const items = (labels[0] as ReadonlyArray<string>).length;
  labels.forEach((row, j) => {
    if (row.length !== items) throw new RangeError(`panelAgreement: judge ${j} labelled ${row.length} items, judge 0 labelled ${items}`);
  });
  if (judges === 2) {
    const result = cohensKappa(labels[0] as string[], labels[1] as string[]);
    return { method: 'cohen', kappa: result.kappa, observed: result.observed, expected: result.expected, judges, items };
  }
  const ratings = Array.from({ length: items }, (_, i) => labels.map((row) => row[i] as string));
  const result = fleissKappa(ratings);
  return { method: 'fleiss', kappa: result.kappa, observed: result.observed, expected: result.expected, judges, items };
}

/** `{ kind: 'panel', judges: [...], rubric, aggregate }`: several judges score on one rubric; mean or majority. */
export const panelKind = defineJudge({
  kind: 'panel',
  summary: 'several judges score the answer on one rubric; their mean or majority decides',
  options: z.strictObject({ judges: z.array(z.string().min(1)).min(2), rubric: z.string().min(1), aggregate: z.enum(['mean', 'majority']).default('mean') }),
  plan: (options, refs) => ({
    judges: options.judges.map((id) => refs.judge(id, 'judges')),
    rubric: refs.rubric(options.rubric, 'rubric'),
    metric: options.rubric,
    fingerprint: { aggregate: options.aggregate },
  }),
  run: (input, { sources, rubric, options }) => {
    if (!rubric) throw new Error('a panel metric needs its rubric');
    return judgePanel(input, sources, { rubric, aggregate: options.aggregate });
  },
});
