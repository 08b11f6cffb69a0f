import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/scoring/checks/run.js';
import { CheckSpecSchema } from '../../../src/scoring/checks/spec.js';
import { check, input, specErrors } from '../helpers.js';

const metadata = (instruction_id_list: unknown, kwargs: unknown) => ({ metadata: { instruction_id_list, kwargs } });
const quoted = metadata(['startend:quotation', 'punctuation:no_comma'], [{}, {}]);

describe('ifeval check', () => {
  it('passes when every instruction is followed, with the share and number of instructions', () => {
    expect(check({ type: 'ifeval' }, input('"no commas here"', quoted))).toEqual({
      pass: true,
      score: 1,
      details: { instructions: 1 },
      weights: { instructions: 2 },
    });
  });

  it('fails when one is not, naming it', () => {
    expect(check({ type: 'ifeval' }, input('"a, b"', quoted))).toEqual({
      pass: false,
      score: 0,
      reason: 'not followed: punctuation:no_comma',
      details: { instructions: 0.5 },
      weights: { instructions: 2 },
    });
  });

  it('is strict by default; loose also accepts the response without its first or last line, or without *', () => {
    const preamble = input('Sure, here it is:\n"quoted"', metadata(['startend:quotation'], [{}]));
    expect(check({ type: 'ifeval' }, preamble)?.pass).toBe(false);
    expect(check({ type: 'ifeval', mode: 'strict' }, preamble)?.pass).toBe(false);
    expect(check({ type: 'ifeval', mode: 'loose' }, preamble)?.pass).toBe(true);
    const starred = input('**{"a": 1}**', metadata(['detectable_format:json_format'], [{}]));
    expect(check({ type: 'ifeval' }, starred)?.pass).toBe(false);
    expect(check({ type: 'ifeval', mode: 'loose' }, starred)?.pass).toBe(true);
  });

  it('fails a blank answer in both modes', () => {
    for (const mode of ['strict', 'loose']) {
      expect(check({ type: 'ifeval', mode }, input(' \n ', metadata(['punctuation:no_comma'], [{}])))?.pass).toBe(false);
    }
  });

  it('does not apply to an item without instruction_id_list', () => {
    expect(check({ type: 'ifeval' }, input('anything'))).toBeNull();
  });

  it('reads null kwargs as not set', () => {
    const nulls = metadata(['detectable_format:title'], [{ num_highlights: null, relation: null }]);
    expect(check({ type: 'ifeval' }, input('<<Title>>', nulls))?.pass).toBe(true);
  });

  it('rejects an unknown mode and unknown params', () => {
    expect(specErrors({ type: 'ifeval', mode: 'lenient' })).not.toEqual([]);
    expect(specErrors({ type: 'ifeval', instructions: [] })).not.toEqual([]);
  });

  it('passes weights through runChecks untouched', () => {
    const [run] = runChecks([CheckSpecSchema.parse({ type: 'ifeval' })], input('"x"', quoted));
    expect(run?.outcome.weights).toEqual({ instructions: 2 });
  });
});

describe('ifeval check on malformed metadata', () => {
  const errorOf = (meta: ReturnType<typeof metadata>) => runChecks([CheckSpecSchema.parse({ type: 'ifeval' })], input('x', meta))[0]?.outcome;

  it.each([
    ['instruction_id_list is not a list', metadata('punctuation:no_comma', [{}]), /malformed IFEval metadata/],
    ['an empty list', metadata([], []), /malformed IFEval metadata/],
    ['kwargs missing', metadata(['punctuation:no_comma'], undefined), /malformed IFEval metadata/],
    ['one kwargs per instruction', metadata(['punctuation:no_comma', 'startend:quotation'], [{}]), /one entry per instruction/],
    ['an unknown instruction', metadata(['punctuation:no_semicolon'], [{}]), /unknown IFEval instruction "punctuation:no_semicolon"/],
    ['a required kwarg missing', metadata(['detectable_format:number_bullet_lists'], [{}]), /number_bullet_lists: invalid kwargs/],
  ])('%s is a check error, not a verdict', (_, meta, message) => {
    const outcome = errorOf(meta);
    expect(outcome?.pass).toBe(false);
    expect(outcome?.reason).toMatch(/^check error: /);
    expect(outcome?.reason).toMatch(message);
  });
});
