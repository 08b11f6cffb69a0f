import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { DecisionSchema } from '../../src/decision/schema.js';
import { runCli } from '../cli/harness.js';

/**
 * A project with two module candidates over 8 items with gold sources: `plain` answers from memory
 * (no contexts), `rag` retrieves a page per item (the wrong one for the last two) and answers.
 */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-decision-'));
  const items = Array.from({ length: 8 }, (_, i) => ({
    id: `q-${i}`,
    input: `question ${i}`,
    reference: `answer ${i}`,
    slices: [i < 4 ? 'head' : 'tail'],
    sources: [`doc-${i}.md`],
    checks: [{ type: 'equals' }],
  }));
  writeFileSync(path.join(dir, 'set.jsonl'), items.map((item) => JSON.stringify(item)).join('\n'));
  writeFileSync(
    path.join(dir, 'evals.config.mjs'),
    `export default {
  suites: { qa: { goldenSets: ['set.jsonl'], longTail: ['tail'] } },
  candidates: {
    plain: { kind: 'prompt', adapter: { type: 'module', path: 'plain.mjs' } },
    rag: { kind: 'rag', adapter: { type: 'module', path: 'rag.mjs' } },
  },
};\n`,
  );
  // plain knows the head only; rag retrieves right for items 0-5 and answers what it retrieved.
  writeFileSync(
    path.join(dir, 'plain.mjs'),
    "export default async (item) => ({ text: Number(item.id.slice(2)) < 4 ? `answer ${item.id.slice(2)}` : 'no idea' });\n",
  );
  writeFileSync(
    path.join(dir, 'rag.mjs'),
    "export default async (item) => { const i = Number(item.id.slice(2)); const doc = i < 6 ? i : 99; return { text: i < 6 ? `answer ${i}` : 'not found', contexts: [{ id: `doc-${doc}.md`, text: `answer ${doc}` }] }; };\n",
  );
  return dir;
}

describe('the decision view from the CLI', () => {
  let dir = '';
  // A fresh project per test (a few small files): `run` writes reports that `compare` must not find.
  beforeEach(() => {
    dir = project();
  });

  it('evals compare a b: prints and writes the view, gates nothing, exit 0', async () => {
    const { code, stdout, stderr } = await runCli(['compare', 'plain', 'rag', '--quiet'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('decision · qa: plain (prompt), rag (rag) on 8 items');
    expect(stdout).toMatch(/all \(8\)\s+0\.50 \[0\.22, 0\.78\]\s+0\.75 \[0\.41, 0\.93\]/);
    expect(stdout).toContain('recall@1 of the gold sources');
    expect(stdout).toMatch(/tail \(long tail, 4\)\s+B rag\s+4\s+0\.50\s+2\/4\s+1\.00\s+0\.00/);
    expect(stdout).toContain('rag: of 2 failed items with gold sources, 2 followed a retrieval miss and 0 had every gold source retrieved');
    const file = path.join(dir, 'reports', 'qa', 'plain.vs.rag.decision.json');
    const decision = DecisionSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(decision.candidates.map((c) => [c.id, c.retrieves])).toEqual([
      ['plain', false],
      ['rag', true],
    ]);
    expect(existsSync(file.replace(/json$/, 'md'))).toBe(true);
    // No candidate report: compare gates nothing.
    expect(existsSync(path.join(dir, 'reports', 'qa', 'rag.json'))).toBe(false);
  });

  it('evals run --candidate a,b: each candidate keeps its report and gate, then the view', async () => {
    const { code, stdout } = await runCli(['run', '--candidate', 'plain,rag', '--quiet'], dir);
    expect(code).toBe(0);
    expect(stdout.match(/^gate: passed/gm)).toHaveLength(2);
    expect(stdout.indexOf('decision · qa')).toBeGreaterThan(stdout.lastIndexOf('gate: passed'));
    for (const c of ['plain', 'rag']) expect(existsSync(path.join(dir, 'reports', 'qa', `${c}.json`))).toBe(true);
    // One candidate: no view.
    const single = await runCli(['run', '--candidate', 'rag', '--quiet'], dir);
    expect(single.stdout).not.toContain('decision ·');
  });

  it('refuses a bad comparison with exit 2 before running anything', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['compare', 'rag'], /name at least two candidates/],
      [['compare', 'rag', 'rag'], /candidate "rag" is named twice/],
      [['compare', 'rag', 'nope'], /unknown candidate "nope"/],
      [['compare', 'rag', 'plain', '--teacher', 'plain'], /belong to the student\/teacher form/],
      [['compare', 'rag', 'plain', '--suite', 'other'], /unknown suite "other"/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await runCli(argv, dir);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
