import { z } from 'zod';
import { Count, Relation, compare, defineInstruction } from './instruction.js';
import { BOUNDARY, countMatches, kwargPattern, strip } from './python.js';

/** keywords:* — words the response must contain, must not contain, or contain so many times. */
export const keywordInstructions = [
  defineInstruction('keywords:existence', z.strictObject({ keywords: z.array(z.string().min(1)).min(1) }), (response, { keywords }) =>
    keywords.every((keyword) => kwargPattern(keyword, 'i').test(response)),
  ),
  defineInstruction(
    'keywords:frequency',
    z.strictObject({ keyword: z.string().min(1), frequency: Count, relation: Relation }),
    (response, { keyword, frequency, relation }) => compare(countMatches(response, kwargPattern(strip(keyword), 'gi')), relation, frequency),
  ),
  defineInstruction(
    'keywords:forbidden_words',
    z.strictObject({ forbidden_words: z.array(z.string().min(1)).min(1) }),
    (response, { forbidden_words }) => !forbidden_words.some((word) => kwargPattern(`${BOUNDARY}${word}${BOUNDARY}`, 'i').test(response)),
  ),
  defineInstruction(
    'keywords:letter_frequency',
    // One character (code point). Upstream @3f357bde counts any character, '#' or '!' too.
    z.strictObject({
      letter: z.string().refine((s) => [...s].length === 1, 'must be a single character'),
      let_frequency: Count,
      let_relation: Relation,
    }),
    (response, { letter, let_frequency, let_relation }) => {
      const wanted = strip(letter).toLowerCase();
      const count = [...response.toLowerCase()].filter((char) => char === wanted).length;
      return compare(count, let_relation, let_frequency);
    },
  ),
];
