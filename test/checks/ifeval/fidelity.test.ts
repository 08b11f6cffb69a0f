import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODES, PAPER, computeFidelity, type Fidelity } from '../../../scripts/ifeval-fidelity.js';

// The shared data folder sits beside the repository (../shared/data from its root), here and in CI.
const dataDir = path.join(import.meta.dirname, '../../../../shared/data', 'ifeval');
const present = existsSync(path.join(dataDir, 'input_data.jsonl'));
const title = `IFEval fidelity on the paper's GPT-4 responses${present ? '' : ` — SKIPPED: no IFEval data at ${dataDir}`}`;

describe.skipIf(!present)(title, () => {
  let result: Fidelity;
  beforeAll(() => {
    result = computeFidelity(dataDir);
  });

  it('pairs all 541 prompts; only key 2785 gets a response recorded for an older prompt', () => {
    expect(result.pairs).toHaveLength(541);
    expect(result.pairs.filter((pair) => pair.stalePrompt !== undefined).map((pair) => pair.row.key)).toEqual([2785]);
  });

  for (const mode of MODES) {
    for (const level of ['prompt', 'instruction'] as const) {
      it(`${level}-level ${mode} is within one point of the paper's ${PAPER[mode][level]}`, () => {
        expect(Math.abs(result.included[mode][level] - PAPER[mode][level])).toBeLessThanOrEqual(1);
        expect(Math.abs(result.excluded[mode][level] - PAPER[mode][level])).toBeLessThanOrEqual(1);
      });
    }
  }

  it("differs from Podtech's run of the reference only on the known, explained instructions", () => {
    // 1122, 1129: Podtech's copy draws a random letter for '#' and '!' (SOURCES.md); upstream counts them.
    // 3572, 3617: title lists in capitals that langdetect reads as English and language-detect.ts
    // leaves undetermined (no function words). 1174 (loose): Punkt without its orthographic context.
    const found = result.disagreements.map((d) => `${d.mode} ${d.key} ${d.id} ours=${d.ours}`);
    expect(found.sort()).toEqual(
      [
        'strict 1122 keywords:letter_frequency ours=true',
        'strict 1129 keywords:letter_frequency ours=true',
        'strict 3572 change_case:english_capital ours=false',
        'strict 3617 change_case:english_capital ours=false',
        'loose 1174 length_constraints:number_sentences ours=true',
        'loose 3572 change_case:english_capital ours=false',
        'loose 3617 change_case:english_capital ours=false',
      ].sort(),
    );
  });
});
