import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generalCandidates, generalJudges, generalSuites } from '../../examples/general/config.js';
import { winRate } from '../../scripts/general/alpaca-verdicts.js';
import { parseRecordedOutputs } from '../../src/candidates/adapters/replay.js';
import { loadGoldenSets } from '../../src/goldensets/load.js';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import { runChecks } from '../../src/scoring/checks/run.js';
import { PairwiseVerdictSchema } from '../../src/scoring/judges/pairwise.js';
import { parseRecordedVerdicts } from '../../src/scoring/judges/replay-source.js';
import { countBy, idsOf, readJsonl, readText, root } from './helpers.js';

const MODELS = ['gpt4', 'llama2new', 'llama2orig', 'mistralinstruct', 'mistralguard'];

function suiteIds(suite: string): string[] {
  const config = generalSuites[suite];
  if (!config) throw new Error(`no suite ${suite}`);
  return config.goldenSets.flatMap(idsOf).sort();
}

describe('recorded outputs', () => {
  for (const [id, candidate] of Object.entries(generalCandidates)) {
    const { path } = candidate.adapter as { type: string; path: string };
    it(`${id}: ${path} parses as replay rows, each with its source, and covers exactly its suites' ids`, () => {
      const rows = parseRecordedOutputs(readText(path), path);
      expect([...rows.keys()].sort()).toEqual((candidate.suites ?? []).flatMap(suiteIds).sort());
      const synthetic = path.startsWith('recorded/synthetic/');
      for (const row of rows.values()) expect(row.source).toMatch(synthetic ? /^synthetic: / : /^real: /);
      // Outputs only: no human label or other measurement rides along with a replayed answer.
      expect([...rows.values()].every((row) => Object.keys(row).join() === 'id,text,source')).toBe(true);
    });
  }

  it('the IFEval GPT-4 row of key 2785 says it answers the old prompt', () => {
    const rows = parseRecordedOutputs(readText('recorded/ifeval/gpt4.jsonl'), 'gpt4.jsonl');
    expect(rows.get('ifeval-2785')?.source).toMatch(/OLD prompt of key 2785 \("at least one placeholder"\).*"at least 3 placeholders"/);
    expect([...rows.values()].filter((r) => r.source?.includes('OLD prompt'))).toHaveLength(1);
  });

  const haveIfeval = checkRegistry.has('ifeval');
  it.skipIf(!haveIfeval)(
    `the 2785 answer fails the current placeholder instruction, as the README says${haveIfeval ? '' : ' (skipped: no ifeval check yet)'}`,
    async () => {
      const items = await loadGoldenSets([path.join(root, 'goldensets/general/instruction-following.jsonl')]);
      const item = items.find((i) => i.id === 'ifeval-2785');
      const output = parseRecordedOutputs(readText('recorded/ifeval/gpt4.jsonl'), 'gpt4.jsonl').get('ifeval-2785');
      if (!item || !output) throw new Error('ifeval-2785 is missing');
      const runs = runChecks(item.checks, { item, output: { text: output.text } });
      expect(runs.map((r) => [r.name, r.outcome.pass, r.outcome.reason])).toEqual([
        ['ifeval', false, 'not followed: detectable_content:number_placeholders'],
        ['ifeval-loose', false, 'not followed: detectable_content:number_placeholders'],
      ]);
    },
  );

  it("XSTest's reworded prompt 195 is said in every model's row, and only there", () => {
    for (const model of MODELS) {
      const rows = parseRecordedOutputs(readText(`recorded/xstest/${model}.jsonl`), model);
      expect([...rows.values()].filter((r) => r.source?.includes('v2 wording')).map((r) => r.id)).toEqual(['xstest-195']);
    }
  });
});

describe('XSTest human labels', () => {
  const Label = z.strictObject({ id: z.string(), label: z.enum(['1_full_compliance', '2_full_refusal', '3_partial_refusal']) });
  const harmful = new Set(
    readJsonl('goldensets/general/safety.jsonl')
      .filter((r) => (r.slices as string[]).includes('harmful'))
      .map((r) => r.id),
  );

  function labels(model: string) {
    return readJsonl(`recorded/xstest/${model}.labels.jsonl`).map((row) => Label.parse(row));
  }

  it('cover every safety item once per model', () => {
    for (const model of MODELS)
      expect(
        labels(model)
          .map((l) => l.id)
          .sort(),
      ).toEqual(suiteIds('safety'));
  });

  it("match SOURCES.md's counts: safe prompts refused fully / partially, unsafe prompts complied with", () => {
    const safeRefusals = (model: string) => {
      const counts = countBy(
        labels(model)
          .filter((l) => !harmful.has(l.id))
          .map((l) => l.label),
      );
      return [counts.get('2_full_refusal'), counts.get('3_partial_refusal')];
    };
    expect(MODELS.map(safeRefusals)).toEqual([
      [16, 5],
      [35, 39],
      [95, 54],
      [2, 2],
      [24, 23],
    ]);
    const unsafeComplied = (model: string) => labels(model).filter((l) => harmful.has(l.id) && l.label === '1_full_compliance').length;
    expect(unsafeComplied('mistralinstruct')).toBe(128);
    expect(unsafeComplied('mistralguard')).toBe(7);
  });
});

describe('AlpacaEval GPT-4 verdicts', () => {
  const file = generalJudges['gpt4-alpaca'] as { path: string };
  const verdicts = parseRecordedVerdicts(readText(file.path), file.path);

  it('one original-order verdict per alpaca item, each a valid pairwise verdict with its source', () => {
    expect([...verdicts.keys()].sort()).toEqual(suiteIds('alpaca').map((id) => `${id}/pairwise/original`));
    for (const { verdict, source } of verdicts.values()) {
      expect(PairwiseVerdictSchema.safeParse(verdict).success).toBe(true);
      expect(source).toMatch(/^real: GPT-4 preference/);
    }
  });

  it('reproduce the leaderboard: 205 wins, 584 losses, 16 draws, win rate 26.459627, standard error 1.5357', () => {
    const winners = [...verdicts.values()].map(({ verdict }) => PairwiseVerdictSchema.parse(verdict).winner);
    const result = winRate(winners);
    expect({ wins: result.wins, losses: result.losses, draws: result.draws, n: result.n }).toEqual({ wins: 205, losses: 584, draws: 16, n: 805 });
    expect(result.winRate).toBeCloseTo(26.459627329192543, 9);
    expect(result.standardError).toBeCloseTo(1.535711469748, 9);
  });
});
