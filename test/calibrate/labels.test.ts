import { describe, expect, it } from 'vitest';
import type { Rubric } from '../../src/config/rubric.js';
import { UserError } from '../../src/errors.js';
import { labelsOnScale, parseLabels } from '../../src/scoring/judges/calibrate-labels.js';

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message.split('\n');
  }
  throw new Error('expected a UserError');
}

const rubric = (scale: Rubric['scale']): Rubric => ({
  id: 'r',
  scale,
  passThreshold: 1,
  showReference: false,
  criteria: [{ name: 'ok', description: 'fine' }],
  examples: [],
  instructions: '',
  hash: 'h',
  file: 'rubrics/r.md',
});

describe('parseLabels', () => {
  it('reads pairwise labels, keeping each line', () => {
    const set = parseLabels('{"id":"p1","input":"q","output_1":"a","output_2":"b","label":2}\n\n', 'l.jsonl');
    expect(set).toEqual({ kind: 'pairwise', file: 'l.jsonl', labels: [{ id: 'p1', input: 'q', output_1: 'a', output_2: 'b', label: 2, line: 1 }] });
  });

  it('reads absolute labels with an optional reference', () => {
    const set = parseLabels('{"id":"a1","input":"q","answer":"x","label":true}\n{"id":"a2","input":"q","answer":"y","reference":"r","label":0}\n', 'l.jsonl');
    expect(set.kind).toBe('absolute');
    expect(set.labels.map((l) => [l.id, l.label, l.line])).toEqual([
      ['a1', true, 1],
      ['a2', 0, 2],
    ]);
  });

  it('names file and line for every bad row, mixed kinds and duplicate ids', () => {
    const text = [
      '{"id":"p1","input":"q","output_1":"a","output_2":"b","label":1}',
      '{"id":"p1","input":"q","output_1":"a","output_2":"b","label":2}',
      '{"id":"p3","input":"q","output_1":"a","label":3}',
      '{"id":"a1","input":"q","answer":"x","label":1}',
      '{oops',
    ].join('\n');
    const lines = problems(() => parseLabels(text, 'l.jsonl'));
    expect(lines.slice(0, 3)).toEqual([
      'l.jsonl:2: duplicate id "p1" (first on line 1)',
      'l.jsonl:3: "output_2" is missing',
      'l.jsonl:3: "label": expected one of 1|2',
    ]);
    expect(lines[3]).toBe('l.jsonl:4: an absolute label in a file of pairwise labels (line 1): keep one kind a file');
    expect(lines[4]).toMatch(/^l\.jsonl:5: invalid JSON: /);
  });

  it('rejects unknown fields and an empty file', () => {
    expect(problems(() => parseLabels('{"id":"a","input":"q","answer":"x","label":1,"refrence":"r"}', 'l.jsonl'))).toEqual([
      'l.jsonl:1: Unrecognized key: "refrence"',
    ]);
    expect(problems(() => parseLabels('\n', 'l.jsonl'))).toEqual(['l.jsonl: no labels']);
  });
});

describe('labelsOnScale', () => {
  const absolute = (label: number | boolean) => {
    const set = parseLabels(JSON.stringify({ id: 'a', input: 'q', answer: 'x', label }), 'l.jsonl');
    if (set.kind !== 'absolute') throw new Error('expected absolute labels');
    return set;
  };

  it('reads true/false as 1/0 on a binary scale', () => {
    expect(labelsOnScale(absolute(true), rubric('binary'))[0]?.label).toBe(1);
    expect(labelsOnScale(absolute(false), rubric('binary'))[0]?.label).toBe(0);
    expect(labelsOnScale(absolute(4), rubric('1-5'))[0]?.label).toBe(4);
  });

  it('rejects scores off the scale, booleans on a 1-5 scale, and 0-1 rubrics', () => {
    expect(problems(() => labelsOnScale(absolute(2), rubric('binary')))).toEqual(['l.jsonl:1: "label" 2 is not a score on rubric "r"\'s binary scale']);
    expect(problems(() => labelsOnScale(absolute(4.5), rubric('1-5')))).toEqual(['l.jsonl:1: "label" 4.5 is not a score on rubric "r"\'s 1-5 scale']);
    expect(problems(() => labelsOnScale(absolute(true), rubric('1-5')))).toEqual(['l.jsonl:1: "label" true is not a score on rubric "r"\'s 1-5 scale']);
    expect(problems(() => labelsOnScale(absolute(0.5), rubric('0-1')))[0]).toMatch(/scores on a 0-1 scale/);
  });
});
