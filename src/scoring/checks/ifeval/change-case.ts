import { z } from 'zod';
import { NoKwargs, Relation, compare, defineInstruction } from './instruction.js';
import { isInLanguage } from './language.js';
import { isLower, isUpper } from './python.js';
import { wordTokenize } from './words.js';

/** change_case:* — all capitals, all lowercase, or so many all-capital words. */
export const changeCaseInstructions = [
  defineInstruction(
    'change_case:capital_word_frequency',
    // The reference takes any whole number here, negative ones too.
    z.strictObject({ capital_frequency: z.number().int(), capital_relation: Relation }),
    (response, { capital_frequency, capital_relation }) => compare(wordTokenize(response).filter(isUpper).length, capital_relation, capital_frequency),
  ),
  defineInstruction('change_case:english_capital', NoKwargs, (response) => isUpper(response) && isInLanguage(response, 'en')),
  defineInstruction('change_case:english_lowercase', NoKwargs, (response) => isLower(response) && isInLanguage(response, 'en')),
];
