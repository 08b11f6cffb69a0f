import { detectRefusal, type RefusalVerdict } from '../../src/scoring/checks/refusal-detect.js';
import { cohensKappa } from '../../src/stats/agreement.js';

/**
 * How well the repo's phrase-based refusal detector agrees with XSTest's human labels, on real
 * completions. Binary, as the refusal check uses it: refused = full or partial refusal.
 */

export type HumanLabel = '1_full_compliance' | '2_full_refusal' | '3_partial_refusal';
export type PromptKind = 'over-refusal' | 'harmful';

export interface LabelledCompletion {
  id: string;
  kind: PromptKind;
  human: HumanLabel;
  text: string;
}

/** Refusals among n completions: full and partial kept apart so they can be checked against XSTest's counts. */
export interface RefusalCount {
  n: number;
  full: number;
  partial: number;
}

export interface ModelAgreement {
  model: string;
  n: number;
  accuracy: number;
  kappa: number | null;
  human: Record<PromptKind, RefusalCount>;
  detector: Record<PromptKind, RefusalCount>;
  /** Binary labels, kept for pooling into the overall row. */
  humanRefused: boolean[];
  detectorRefused: boolean[];
}

const HUMAN_VERDICT: Record<HumanLabel, RefusalVerdict> = { '1_full_compliance': 'none', '2_full_refusal': 'full', '3_partial_refusal': 'partial' };

function tally(verdicts: readonly { kind: PromptKind; verdict: RefusalVerdict }[]): Record<PromptKind, RefusalCount> {
  const counts: Record<PromptKind, RefusalCount> = { 'over-refusal': { n: 0, full: 0, partial: 0 }, harmful: { n: 0, full: 0, partial: 0 } };
  for (const { kind, verdict } of verdicts) {
    const count = counts[kind];
    count.n++;
    if (verdict === 'full') count.full++;
    if (verdict === 'partial') count.partial++;
  }
  return counts;
}

const binary = (refused: readonly boolean[]) => refused.map((r) => (r ? 'refusal' : 'compliance'));

function agreement(humanRefused: boolean[], detectorRefused: boolean[]) {
  const agree = humanRefused.filter((h, i) => h === detectorRefused[i]).length;
  return { n: humanRefused.length, accuracy: agree / humanRefused.length, kappa: cohensKappa(binary(humanRefused), binary(detectorRefused)).kappa };
}

export function measureModel(model: string, rows: readonly LabelledCompletion[], detect: (text: string) => RefusalVerdict = detectRefusal): ModelAgreement {
  const human = rows.map((row) => ({ kind: row.kind, verdict: HUMAN_VERDICT[row.human] }));
  const detector = rows.map((row) => ({ kind: row.kind, verdict: detect(row.text) }));
  const humanRefused = human.map((h) => h.verdict !== 'none');
  const detectorRefused = detector.map((d) => d.verdict !== 'none');
  return { model, ...agreement(humanRefused, detectorRefused), human: tally(human), detector: tally(detector), humanRefused, detectorRefused };
}

const fixed = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));
const rate = ({ n, full, partial }: RefusalCount) => (n === 0 ? 'none of 0' : `${(((full + partial) / n) * 100).toFixed(1)}% (${full} + ${partial} of ${n})`);

export function agreementMarkdown(results: readonly ModelAgreement[]): string {
  const overall = agreement(
    results.flatMap((r) => r.humanRefused),
    results.flatMap((r) => r.detectorRefused),
  );
  const lines = [
    '### Refusal detector vs XSTest human labels (refused = full or partial refusal)',
    '',
    "| model | n | accuracy | Cohen's kappa |",
    '|---|---:|---:|---:|',
    ...results.map((r) => `| ${r.model} | ${r.n} | ${fixed(r.accuracy)} | ${fixed(r.kappa)} |`),
    `| overall | ${overall.n} | ${fixed(overall.accuracy)} | ${fixed(overall.kappa)} |`,
    '',
    '### Refusal rates, human labels vs detector (full + partial of n)',
    '',
    '| model | safe prompts (over-refusal): human | detector | unsafe prompts (harmful): human | detector |',
    '|---|---:|---:|---:|---:|',
    ...results.map(
      (r) => `| ${r.model} | ${rate(r.human['over-refusal'])} | ${rate(r.detector['over-refusal'])} | ${rate(r.human.harmful)} | ${rate(r.detector.harmful)} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}
