import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { labelsFromCsv } from '../../src/labels/csv.js';
import { parseLabels } from '../../src/scoring/judges/calibrate-labels.js';
import { runCli } from '../cli/harness.js';

function problems(text: string): string[] {
  try {
    labelsFromCsv(text, 'l.csv');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message.split('\n');
  }
  throw new Error('expected a UserError');
}

describe('labelsFromCsv', () => {
  it('reads pairwise labels: a/b (or 1/2) preferred, ids from the file name unless given', () => {
    const csv = 'input,output_a,output_b,preferred\n"Capital of France?",Paris,Lyon,a\n"2+2?","5","four, of course",B\nq,x,y,2\n';
    const { kind, labels, count } = labelsFromCsv(csv, 'team/pairs.csv');
    expect({ kind, count }).toEqual({ kind: 'pairwise', count: 3 });
    expect(
      labels
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { id: 'pairs-001', input: 'Capital of France?', output_1: 'Paris', output_2: 'Lyon', label: 1 },
      { id: 'pairs-002', input: '2+2?', output_1: '5', output_2: 'four, of course', label: 2 },
      { id: 'pairs-003', input: 'q', output_1: 'x', output_2: 'y', label: 2 },
    ]);
    // What it writes is the labels format calibrate reads.
    expect(parseLabels(labels, 'pairs.jsonl').kind).toBe('pairwise');
  });

  it('reads absolute labels with their ids and references; true/false and numbers as written', () => {
    const csv = 'id,input,output,score,reference\nr1,Q1,A1,1,\nr2,Q2,"multi\nline",false,ref\nr3,Q3,A3,4,\n';
    const { kind, labels } = labelsFromCsv(csv, 'scores.csv');
    expect(kind).toBe('absolute');
    expect(
      labels
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { id: 'r1', input: 'Q1', answer: 'A1', label: 1 },
      { id: 'r2', input: 'Q2', answer: 'multi\nline', reference: 'ref', label: false },
      { id: 'r3', input: 'Q3', answer: 'A3', label: 4 },
    ]);
  });

  it('names file, line and field for every bad row, at once', () => {
    const csv = 'id,input,output_a,output_b,preferred\nx,q1,a,b,tie\nx,q2,a,b,a\ny,,a,b,b\nx,q4,a,b,b\n';
    expect(problems(csv)).toEqual([
      'l.csv:2: "preferred" is "tie": write a or b, the output people preferred',
      'l.csv:4: "input": Too small: expected string to have >=1 characters',
      'l.csv:5: duplicate id "x" (first on line 3)',
    ]);
    expect(problems('input,output,score\nq,a,high\n')).toEqual(['l.csv:2: "score" is "high": write a number on the rubric\'s scale, or true/false']);
  });

  it('names the columns it expects when the header is wrong', () => {
    expect(problems('input,output_a,output_b,prefered\nq,a,b,a\n')).toEqual([
      'l.csv:1: missing column "preferred"; unknown column "prefered": the columns are input, output_a, output_b, preferred (pairwise) or input, output, score (absolute); optional: id',
    ]);
    expect(problems('input,output,score\n')).toEqual(['l.csv: no labels (a header line, then one label a row)']);
  });
});

describe('evals labels import csv', () => {
  it('writes the labels file, and writes nothing for a bad file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-labels-csv-'));
    writeFileSync(path.join(dir, 'good.csv'), 'input,output_a,output_b,preferred\nq,x,y,a\n');
    writeFileSync(path.join(dir, 'bad.csv'), 'input,output_a,output_b,preferred\nq,x,y,c\n');
    const ok = await runCli(['labels', 'import', 'csv', 'good.csv', '--out', 'labels.jsonl'], dir);
    expect(ok).toEqual({ code: 0, stdout: 'wrote 1 pairwise labels to labels.jsonl\n', stderr: '' });
    expect(readFileSync(path.join(dir, 'labels.jsonl'), 'utf8')).toBe('{"id":"good-001","input":"q","output_1":"x","output_2":"y","label":1}\n');
    const bad = await runCli(['labels', 'import', 'csv', 'bad.csv', '--out', 'bad.jsonl'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: bad.csv:2: "preferred" is "c": write a or b, the output people preferred\n');
    expect(existsSync(path.join(dir, 'bad.jsonl'))).toBe(false);
    const unknown = await runCli(['labels', 'import', 'xlsx', 'good.csv'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: unknown labels format "xlsx" \(known: llmbar, csv\)/);
  });
});
