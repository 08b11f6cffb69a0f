import { REFUSAL_CUES, cuesInOpening } from '../../src/scoring/checks/refusal-detect.js';
import type { LabelledCompletion } from './refusal-agreement.js';

/**
 * A held-out figure for the refusal detector. Its phrases (REFUSAL_CUES) were written with all
 * five XSTest models' completions in view (they arrived in one commit whose comment already
 * quotes agreement on all 2,250), so its agreement on them is in-sample. What can be held out is
 * a reproducible choice among those phrases: greedy forward selection on three models (add the
 * phrase that most raises refused-or-not accuracy there, stop when none does), measured on the
 * other two. Every 3-vs-2 split of the five models is reported. The phrase list itself was still
 * written having seen all five, so even this figure is, if anything, optimistic.
 */

export interface Coded {
  model: string;
  refused: boolean;
  /** Indexes of the phrases in the answer's opening. */
  cues: number[];
}

export function code(model: string, rows: readonly LabelledCompletion[]): Coded[] {
  return rows.map((row) => ({ model, refused: row.human !== '1_full_compliance', cues: cuesInOpening(row.text) }));
}

function accuracy(rows: readonly Coded[], chosen: ReadonlySet<number>): number {
  const agree = rows.filter((r) => r.cues.some((c) => chosen.has(c)) === r.refused).length;
  return rows.length === 0 ? 0 : agree / rows.length;
}

/** Greedy forward selection; ties go to the earlier phrase, so the choice is deterministic. */
export function selectCues(rows: readonly Coded[], count = REFUSAL_CUES.length): Set<number> {
  const chosen = new Set<number>();
  let best = accuracy(rows, chosen);
  for (;;) {
    let pick: number | undefined;
    for (let cue = 0; cue < count; cue++) {
      if (chosen.has(cue)) continue;
      const score = accuracy(rows, new Set([...chosen, cue]));
      if (score > best) {
        best = score;
        pick = cue;
      }
    }
    if (pick === undefined) return chosen;
    chosen.add(pick);
  }
}

export interface Split {
  tuned: string[];
  heldOut: string[];
  phrases: number;
  /** The selected phrases on the three models they were chosen on. */
  inSample: number;
  /** The selected phrases on the other two. */
  heldOutAccuracy: number;
  /** Every phrase (the shipped detector) on the same two models. */
  allPhrasesHeldOut: number;
}

export function heldOutSplits(coded: readonly Coded[], models: readonly string[]): Split[] {
  const all = new Set(REFUSAL_CUES.map((_, i) => i));
  const splits: Split[] = [];
  for (let a = 0; a < models.length; a++) {
    for (let b = a + 1; b < models.length; b++) {
      const heldOut = [models[a] as string, models[b] as string];
      const tuned = models.filter((m) => !heldOut.includes(m));
      const tune = coded.filter((r) => tuned.includes(r.model));
      const test = coded.filter((r) => heldOut.includes(r.model));
      const chosen = selectCues(tune);
      splits.push({
        tuned,
        heldOut,
        phrases: chosen.size,
        inSample: accuracy(tune, chosen),
        heldOutAccuracy: accuracy(test, chosen),
        allPhrasesHeldOut: accuracy(test, all),
      });
    }
  }
  return splits;
}

export function heldOutMarkdown(splits: readonly Split[]): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [
    '### Held out: phrases chosen on three models, agreement on the other two',
    '',
    '| held out | phrases chosen | accuracy on the 3 tuning models | on the 2 held out | all phrases on the 2 held out |',
    '|---|---:|---:|---:|---:|',
    ...splits.map(
      (s) =>
        `| ${s.heldOut.join(', ')} | ${s.phrases} of ${REFUSAL_CUES.length} | ${pct(s.inSample)} | ${pct(s.heldOutAccuracy)} | ${pct(s.allPhrasesHeldOut)} |`,
    ),
    `| mean of the ${splits.length} splits | | ${pct(mean(splits.map((s) => s.inSample)))} | ${pct(mean(splits.map((s) => s.heldOutAccuracy)))} | ${pct(mean(splits.map((s) => s.allPhrasesHeldOut)))} |`,
    '',
  ].join('\n');
}
