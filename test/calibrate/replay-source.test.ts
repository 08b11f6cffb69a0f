import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../src/errors.js';
import { createReplayVerdictSource, parseRecordedVerdicts } from '../../src/scoring/judges/replay-source.js';
import { JudgeError, type VerdictRequest } from '../../src/contracts/verdict-source.js';

const WinnerSchema = z.strictObject({ winner: z.enum(['A', 'B', 'tie']) });
const signal = new AbortController().signal;

function request(key: string): VerdictRequest<z.infer<typeof WinnerSchema>> {
  return { key, system: 's', user: 'u', schema: WinnerSchema, schemaName: 'pairwise_verdict' };
}

function loadError(text: string): string {
  try {
    parseRecordedVerdicts(text, 'v.jsonl');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as Error).message;
  }
  throw new Error('expected a UserError');
}

async function source(lines: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-replay-'));
  writeFileSync(path.join(dir, 'verdicts.jsonl'), lines.join('\n') + '\n');
  return createReplayVerdictSource(
    'rec',
    { path: 'verdicts.jsonl', source: 'synthetic: test rows' },
    {
      configDir: dir,
      display: (p) => path.relative(dir, p),
    },
  );
}

describe('parseRecordedVerdicts', () => {
  it('keeps the line of every row and skips blank lines', () => {
    const rows = parseRecordedVerdicts('\n{"key":"a/pairwise/original","verdict":{"winner":"A"},"source":"real: x"}\n', 'v.jsonl');
    expect(rows.get('a/pairwise/original')).toEqual({ verdict: { winner: 'A' }, source: 'real: x', line: 2 });
  });

  it('names file and line for bad JSON, bad fields and duplicate keys, all at once', () => {
    const text = [
      '{"key":"a/pairwise/original","verdict":{"winner":"A"}}',
      '{"key":"a/pairwise/original","verdict":{"winner":"B"}}',
      '{"key":"b/pairwise/original"}',
      'not json',
      '{"key":"c","verdict":"A","extra":1}',
    ].join('\n');
    const lines = loadError(text).split('\n');
    expect(lines[0]).toBe('v.jsonl:2: duplicate key "a/pairwise/original" (first on line 1)');
    expect(lines[1]).toBe('v.jsonl:3: "verdict" is missing');
    expect(lines[2]).toMatch(/^v\.jsonl:4: invalid JSON: /);
    expect(lines.slice(3)).toEqual(['v.jsonl:5: "verdict": expected record, received string', 'v.jsonl:5: Unrecognized key: "extra"']);
  });
});

describe('createReplayVerdictSource', () => {
  it('returns the recorded verdict, validated, with no usage or cost', async () => {
    const replay = await source(['{"key":"x/pairwise/original","verdict":{"winner":"B"}}']);
    expect(replay.description).toBe('replay: synthetic: test rows');
    expect(replay.has('x/pairwise/original')).toBe(true);
    expect(replay.has('x/pairwise/swapped')).toBe(false);
    expect(await replay.verdict(request('x/pairwise/original'), signal)).toEqual({ value: { winner: 'B' }, cached: false });
  });

  it('throws a JudgeError for a missing key and for a verdict the schema rejects', async () => {
    const replay = await source(['{"key":"x/pairwise/original","verdict":{"winner":"1"}}']);
    await expect(replay.verdict(request('x/pairwise/swapped'), signal)).rejects.toThrow(new JudgeError('no recorded verdict for x/pairwise/swapped'));
    const err = await replay.verdict(request('x/pairwise/original'), signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JudgeError);
    expect((err as Error).message).toMatch(
      /^recorded verdict for x\/pairwise\/original \(verdicts\.jsonl:1\) is not a valid pairwise_verdict: "winner": expected one of "A"\|"B"\|"tie"$/,
    );
  });

  it('says which file it could not read', async () => {
    const err = await createReplayVerdictSource(
      'rec',
      { path: 'nope.jsonl', source: 's' },
      {
        configDir: tmpdir(),
        display: (p) => path.basename(p),
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/^judge rec: cannot read recorded verdicts nope\.jsonl: ENOENT/);
  });
});
