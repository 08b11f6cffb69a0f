import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateError } from '../../src/candidates/adapter.js';
import { RecordedOutputSchema, parseRecordedOutputs, replayAdapter } from '../../src/candidates/adapters/replay.js';
import { UserError } from '../../src/errors.js';
import { call, makeContext, makeItem } from './helpers.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'evals-replay-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function create(lines: string[], options: { source?: string } = {}) {
  await writeFile(path.join(dir, 'outputs.jsonl'), lines.join('\n'));
  return replayAdapter.create(replayAdapter.options.parse({ path: 'outputs.jsonl', ...options }), makeContext({ configDir: dir }));
}

const row = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('replay adapter', () => {
  it('returns the recorded output for an item, with its usage, latency, cost and model', async () => {
    const candidate = await create(
      [
        row({
          id: 'a',
          text: 'Answer A',
          citations: ['doc.md'],
          usage: { inputTokens: 12, outputTokens: 4 },
          latencyMs: 830,
          costUsd: 0.0002,
          model: 'gpt-4-0613',
        }),
        '',
        row({ id: 'b', text: 'Answer B', contexts: [{ id: 'doc.md', text: 'retrieved' }] }),
      ],
      { source: 'real: GPT-4 via IFEval repo' },
    );
    await expect(candidate.generate(makeItem({ id: 'a' }), call())).resolves.toEqual({
      text: 'Answer A',
      citations: ['doc.md'],
      usage: { inputTokens: 12, outputTokens: 4 },
      latencyMs: 830,
      costUsd: 0.0002,
      model: 'gpt-4-0613',
    });
    await expect(candidate.generate(makeItem({ id: 'b' }), call())).resolves.toEqual({
      text: 'Answer B',
      contexts: [{ id: 'doc.md', text: 'retrieved' }],
    });
  });

  it("throws 'missing' for an item with no recorded output", async () => {
    const candidate = await create([row({ id: 'a', text: 'A', source: 'synthetic: hand-written' })]);
    const error = await candidate.generate(makeItem({ id: 'zzz' }), call()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CandidateError);
    expect((error as CandidateError).kind).toBe('missing');
    expect((error as Error).message).toMatch(/no recorded output for item zzz/);
  });

  it('accepts per-row sources without an option', async () => {
    const candidate = await create([row({ id: 'a', text: 'A', source: 'synthetic: hand-written' })]);
    await expect(candidate.generate(makeItem({ id: 'a' }), call())).resolves.toEqual({ text: 'A' });
  });

  it('refuses rows of unknown origin, naming file and line', async () => {
    const error = await create([row({ id: 'a', text: 'A', source: 'real: x' }), row({ id: 'b', text: 'B' })]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^outputs\.jsonl:2: "source" is missing/);
  });

  it('reports every bad line as file:line, duplicates included', async () => {
    const error = await create(
      [row({ id: 'a', text: 'A' }), '{not json', row({ id: 'c' }), row({ id: 'a', text: 'again' }), row({ id: 'd', text: 'D', extra: 1 })],
      { source: 'synthetic: test' },
    ).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserError);
    const lines = (error as Error).message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^outputs\.jsonl:2: invalid JSON/);
    expect(lines[1]).toBe('outputs.jsonl:3: "text" is missing');
    expect(lines[2]).toBe('outputs.jsonl:4: duplicate id "a" (first on line 1)');
    expect(lines[3]).toMatch(/^outputs\.jsonl:5: .*extra/);
  });

  it('fails clearly when the file does not exist', async () => {
    await expect(replayAdapter.create(replayAdapter.options.parse({ path: 'nope.jsonl', source: 'x' }), makeContext({ configDir: dir }))).rejects.toThrow(
      /cannot read recorded outputs nope\.jsonl/,
    );
  });

  it('exports the row schema, which round-trips a recorded row', () => {
    const recorded = { id: 'a', text: 'A', usage: { inputTokens: 1, outputTokens: 2 }, latencyMs: 5, source: 'real: run 12' };
    expect(RecordedOutputSchema.parse(recorded)).toEqual(recorded);
    expect(parseRecordedOutputs(`${JSON.stringify(recorded)}\r\n`, 'f.jsonl').get('a')).toEqual(recorded);
  });
});
