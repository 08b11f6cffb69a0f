import { describe, expect, it } from 'vitest';
import { follows, type Case } from './helpers.js';

// Expected verdicts are those of IFEval's reference code (instructions.py) on the same inputs.
describe('detectable_content:number_placeholders', () => {
  it.each<Case>([
    ['two [placeholders]', { num_placeholders: 2 }, 'Dear [name], at [address]', true],
    ['a bracket pair across lines is no placeholder', { num_placeholders: 2 }, 'Dear [name], at [add\nress]', false],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('detectable_content:number_placeholders', kwargs, response)).toBe(expected);
  });
});

describe('detectable_content:postscript', () => {
  it.each<Case>([
    ['P.S. on its own line', { postscript_marker: 'P.S.' }, 'Thanks.\n\nP.S. See you', true],
    ['spaced and lowercase, anywhere', { postscript_marker: 'P.S.' }, 'Thanks. p. s. see you', true],
    ['none', { postscript_marker: 'P.S.' }, 'Thanks, see you', false],
    ['P.P.S', { postscript_marker: 'P.P.S' }, 'Bye.\nP.P.S later', true],
    ['P.P.S is not P.S.', { postscript_marker: 'P.P.S' }, 'Bye.\nP.S. later', false],
    ['another marker, case ignored', { postscript_marker: 'Note:' }, 'Done.\nNOTE: one more', true],
  ])('%s', (_, kwargs, response, expected) => {
    expect(follows('detectable_content:postscript', kwargs, response)).toBe(expected);
  });

  it('rejects a missing marker', () => {
    expect(() => follows('detectable_content:postscript', {}, 'x')).toThrow(/invalid kwargs/);
  });
});
