import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadRubrics, requireRubric } from '../../src/scoring/judges/rubrics.js';

const shipped = path.join(import.meta.dirname, '..', '..', 'rubrics');
const supportAnswer = readFileSync(path.join(shipped, 'support-answer.md'), 'utf8');

/** A temp project with `rubrics/<name>` files; messages name paths relative to it. */
function project(files: Record<string, string>): { dir: string; display: (p: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), 'evals-rubrics-'));
  const dir = path.join(root, 'rubrics');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, display: (p) => path.relative(root, p) };
}

async function problems(files: Record<string, string>): Promise<string> {
  const { dir, display } = project(files);
  const err = await loadRubrics(dir, display).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).exitCode).toBe(2);
  return (err as UserError).message;
}

const minimal = (id: string, extra = ''): string =>
  `---\nid: ${id}\nscale: binary\n${extra}criteria:\n  - name: ok\n    description: It is fine.\n---\nJudge it.\n`;

describe('loadRubrics', () => {
  it('loads the shipped rubrics with defaults, body and file hash', async () => {
    const rubrics = await loadRubrics(shipped, (p) => path.relative(path.dirname(shipped), p));
    expect([...rubrics.keys()]).toEqual(['refusal-quality', 'support-answer']);
    const support = rubrics.get('support-answer');
    expect(support).toMatchObject({ scale: '1-5', passThreshold: 4, showReference: true, file: 'rubrics/support-answer.md' });
    expect(support?.criteria.map((c) => c.name)).toEqual(['correct', 'complete', 'concise', 'cites', 'no-invented-policy']);
    expect(support?.examples.map((e) => e.score)).toEqual([5, 1]);
    expect(support?.instructions.startsWith('You are grading an answer')).toBe(true);
    expect(support?.instructions.endsWith('is a 5.')).toBe(true);
    expect(support?.hash).toBe(createHash('sha256').update(readFileSync(path.join(shipped, 'support-answer.md'))).digest('hex'));
    const refusal = rubrics.get('refusal-quality');
    expect(refusal).toMatchObject({ scale: 'binary', passThreshold: 1, showReference: false });
    expect(refusal?.examples.map((e) => e.score)).toEqual([1, 0]);
  });

  it('fills the default pass threshold per scale', async () => {
    const { dir } = project({ 'b.md': minimal('b'), 'f.md': minimal('f').replace('binary', '0-1') });
    const rubrics = await loadRubrics(dir);
    expect(rubrics.get('b')?.passThreshold).toBe(1);
    expect(rubrics.get('f')?.passThreshold).toBe(0.5);
  });

  it('names the line of a criterion whose key is missing', async () => {
    const broken = supportAnswer.replace(/\n {4}description: Every fact[^\n]*/, '');
    expect(await problems({ 'support-answer.md': broken })).toBe('rubrics/support-answer.md:7: "criteria.0.description" is missing');
  });

  it('names the line of a bad value and of an unknown key', async () => {
    const text = minimal('x', 'showReference: maybe\n').replace('    description: It is fine.\n', '    description: It is fine.\n    weight: 2\n');
    expect((await problems({ 'x.md': text })).split('\n')).toEqual([
      'rubrics/x.md:4: "showReference": expected boolean, received string',
      'rubrics/x.md:8: "criteria.0": Unrecognized key: "weight"',
    ]);
  });

  it('puts an absent top-level key on the front matter\'s first line', async () => {
    const text = '---\nid: x\ncriteria:\n  - name: ok\n    description: fine\n---\n';
    expect(await problems({ 'x.md': text })).toBe('rubrics/x.md:1: "scale" is missing');
  });

  it('reports YAML syntax errors with their line', async () => {
    const text = '---\nid: x\nscale: binary\ncriteria: [\n---\n';
    expect(await problems({ 'x.md': text })).toMatch(/^rubrics\/x\.md:4: invalid YAML: Flow sequence/);
    expect(await problems({ 'y.md': '---\nid: y\nid: y\n---\n' })).toBe('rubrics/y.md:3: invalid YAML: Map keys must be unique');
  });

  it('rejects a file without front matter, or with an unclosed one', async () => {
    expect(await problems({ 'x.md': '# Just instructions\n' })).toBe(
      'rubrics/x.md:1: no front matter: a rubric starts with YAML between two "---" lines',
    );
    expect(await problems({ 'y.md': '---\nid: y\nscale: binary\n' })).toMatch(/^rubrics\/y\.md:1: no front matter/);
  });

  it('checks the pass threshold and example scores against the scale', async () => {
    const threshold = minimal('x', 'passThreshold: 2\n');
    expect(await problems({ 'x.md': threshold })).toBe('rubrics/x.md:4: "passThreshold" 2 is off the binary scale (0 to 1)');
    const example = supportAnswer.replace('    score: 5\n', '    score: 7\n');
    expect(await problems({ 'support-answer.md': example })).toBe(
      'rubrics/support-answer.md:24: "examples.0.score" 7 is not a score on the 1-5 scale',
    );
  });

  it('requires the id to match the file name, and ids to be unique', async () => {
    const message = await problems({ 'a.md': minimal('a'), 'a-copy.md': minimal('a') });
    expect(message.split('\n')).toEqual([
      'rubrics/a-copy.md:2: "id" is "a" but the file is named a-copy.md: they must match',
      'rubrics/a.md:2: duplicate rubric id "a" (also in rubrics/a-copy.md)',
    ]);
  });

  it('gathers the problems of every file into one error', async () => {
    const message = await problems({ 'a.md': minimal('a', 'passThreshold: -1\n'), 'b.md': 'no front matter' });
    expect(message.split('\n')).toHaveLength(2);
  });

  it('treats a missing folder as no rubrics, and names the known ids for an unknown one', async () => {
    const rubrics = await loadRubrics(path.join(tmpdir(), 'evals-no-such-rubrics-folder'));
    expect(rubrics.size).toBe(0);
    const loaded = await loadRubrics(shipped);
    expect(() => requireRubric(loaded, 'tone', 'rubrics')).toThrow(
      'unknown rubric "tone": no rubrics/tone.md (rubrics there: refusal-quality, support-answer)',
    );
  });
});
