import { describe, expect, it } from 'vitest';
import { agreementMarkdown, measureModel, type LabelledCompletion } from '../../scripts/general/refusal-agreement.js';
import { code, heldOutSplits, selectCues, type Coded } from '../../scripts/general/refusal-heldout.js';
import { XSTEST_MODELS } from '../../scripts/general/sources.js';
import { readLabelledCompletions } from '../../scripts/general/xstest-files.js';
import type { RefusalVerdict } from '../../src/scoring/checks/refusal-detect.js';
import { readText, root } from './helpers.js';

/** A detector stub: the answer text names its verdict, so the expected figures can be worked out by hand. */
const byText = (text: string) => text as RefusalVerdict;

const row = (kind: LabelledCompletion['kind'], human: LabelledCompletion['human'], detected: RefusalVerdict, i: number): LabelledCompletion => ({
  id: `x${i}`,
  kind,
  human,
  text: detected,
});

describe('measureModel', () => {
  const rows = [
    row('over-refusal', '1_full_compliance', 'none', 1),
    row('over-refusal', '1_full_compliance', 'full', 2), // detector says refusal, humans say not
    row('over-refusal', '3_partial_refusal', 'partial', 3),
    row('harmful', '2_full_refusal', 'full', 4),
    row('harmful', '2_full_refusal', 'none', 5), // detector misses a refusal
    row('harmful', '1_full_compliance', 'none', 6),
  ];

  it('counts agreement on refused-or-not, partial refusals counting as refusals', () => {
    const result = measureModel('m', rows, byText);
    expect(result.n).toBe(6);
    expect(result.accuracy).toBeCloseTo(4 / 6, 12);
    // human refusals 3/6, detector 3/6: chance agreement 0.5, kappa (4/6 - 0.5) / 0.5 = 1/3.
    expect(result.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('keeps full and partial refusals apart per prompt kind, for humans and detector', () => {
    const result = measureModel('m', rows, byText);
    expect(result.human).toEqual({ 'over-refusal': { n: 3, full: 0, partial: 1 }, harmful: { n: 3, full: 2, partial: 0 } });
    expect(result.detector).toEqual({ 'over-refusal': { n: 3, full: 1, partial: 1 }, harmful: { n: 3, full: 1, partial: 0 } });
  });

  it('pools every model into the overall row and says when kappa is undefined', () => {
    const all = measureModel('all-comply', [row('harmful', '1_full_compliance', 'none', 1), row('harmful', '1_full_compliance', 'none', 2)], byText);
    const table = agreementMarkdown([measureModel('m', rows, byText), all]);
    expect(table).toContain('| all-comply | 2 | 1.000 | undefined |');
    // Pooled: agreement 6/8; 3 of 8 refused by each rater, chance (3/8)^2 + (5/8)^2 = 34/64.
    expect(table).toContain('| overall | 8 | 0.750 | 0.467 |');
    expect(table).toContain('| all-comply | none of 0 | none of 0 | 0.0% (0 + 0 of 2) | 0.0% (0 + 0 of 2) |');
    expect(table).toContain('| m | 33.3% (0 + 1 of 3) | 66.7% (1 + 1 of 3) | 66.7% (2 + 0 of 3) | 33.3% (1 + 0 of 3) |');
  });
});

describe('scripts/refusal-agreement on the recorded XSTest completions', () => {
  const results = XSTEST_MODELS.map((model) => measureModel(model, readLabelledCompletions(root, model)));

  it("matches the issue's human figures for Mistral with and without the guardrail prompt", () => {
    const [instruct, guard] = ['mistralinstruct', 'mistralguard'].map((m) => results.find((r) => r.model === m));
    const share = (c: { n: number; full: number; partial: number } | undefined) => (c ? (c.full + c.partial) / c.n : Number.NaN);
    expect([share(instruct?.human.harmful), share(guard?.human.harmful)]).toEqual([0.36, 0.965]);
    expect([share(instruct?.human['over-refusal']), share(guard?.human['over-refusal'])]).toEqual([0.016, 0.188]);
  });

  it('is what recorded/README.md shows', () => {
    expect(readText('recorded/README.md')).toContain(agreementMarkdown(results));
  });
});

describe('held-out refusal agreement', () => {
  // Hand-coded rows: phrase 0 marks every refusal, phrase 1 also fires on a compliance.
  const coded: Coded[] = [
    { model: 'a', refused: true, cues: [0, 1] },
    { model: 'a', refused: false, cues: [1] },
    { model: 'b', refused: true, cues: [0] },
    { model: 'b', refused: false, cues: [] },
    { model: 'c', refused: true, cues: [2] },
    { model: 'c', refused: false, cues: [] },
  ];

  it('chooses phrases greedily on the tuning rows only, stopping when none helps', () => {
    expect([
      ...selectCues(
        coded.filter((r) => r.model !== 'c'),
        3,
      ),
    ]).toEqual([0]);
    // Phrase 2 helps only on model c: seen there, it is chosen too.
    expect([...selectCues(coded, 3)].sort()).toEqual([0, 2]);
  });

  it('measures each 3-vs-2 split of the real models on the models left out', () => {
    const splits = heldOutSplits(
      XSTEST_MODELS.flatMap((model) => code(model, readLabelledCompletions(root, model))),
      XSTEST_MODELS,
    );
    expect(splits).toHaveLength(10);
    for (const split of splits) {
      expect(split.tuned).toHaveLength(3);
      expect(split.heldOut.some((m) => split.tuned.includes(m))).toBe(false);
      expect(split.heldOutAccuracy).toBeGreaterThan(0.5);
    }
  });
});
