import { z } from 'zod';
import { extractChoice } from './choice-extract.js';
import { failed, passed } from './outcome.js';
import { quote } from './text.js';
import { defineCheck } from './types.js';

const letter = z.string().regex(/^[A-Z]$/, 'must be a single capital letter A-Z');

/** The letter in a reference such as "B", "(b)" or "B."; null when the reference is something else. */
function referenceLetter(reference: string): string | null {
  const match = /^\(?([A-Za-z])[.)]?$/.exec(reference.trim());
  return match?.[1]?.toUpperCase() ?? null;
}

function lastLetter(choices: number): string {
  return String.fromCharCode(64 + choices);
}

/**
 * A multiple-choice answer picks the expected letter (`answer`, else the item's reference).
 * Two different letters claimed at the same strength is a failure, not a guess.
 */
export const choice = defineCheck({
  type: 'choice',
  summary: 'multiple-choice answer picks the expected letter',
  params: z.strictObject({ answer: letter.optional(), choices: z.number().int().min(2).max(26).optional() }).superRefine(({ answer, choices }, ctx) => {
    if (answer !== undefined && choices !== undefined && answer > lastLetter(choices)) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: `${answer} is outside A-${lastLetter(choices)}` });
    }
  }),
  unusable(item, { answer }) {
    if (answer !== undefined) return null;
    if (item.reference === undefined) return 'needs an "answer" or the item\'s "reference"';
    return referenceLetter(item.reference) === null ? `the reference ${quote(item.reference, 30)} is not a choice letter` : null;
  },
  run({ output, item }, { answer, choices }) {
    if (answer === undefined && item.reference === undefined) return null;
    const expected = answer ?? referenceLetter(item.reference ?? '');
    // A reference that is not a letter is a golden-set mistake: say so rather than skip the item.
    if (expected === null) throw new Error(`reference ${quote(item.reference ?? '', 30)} is not a choice letter`);
    const picked = extractChoice(output.text, choices);
    if (picked.kind === 'ambiguous') return failed(`ambiguous: claims ${picked.letters.join(' and ')}`);
    if (picked.kind === 'none') {
      const outside = choices === undefined ? undefined : extractChoice(output.text);
      if (outside?.kind === 'found') return failed(`picked ${outside.letter}, not one of A-${lastLetter(choices ?? 26)}`);
      return failed(`expected ${expected}, no choice letter in ${quote(output.text, 40)}`);
    }
    return picked.letter === expected ? passed() : failed(`expected ${expected}, found ${picked.letter}`);
  },
});
