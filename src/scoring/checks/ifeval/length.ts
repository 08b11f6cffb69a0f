import { z } from 'zod';
import { Count, Relation, compare, defineInstruction } from './instruction.js';
import { countSentences } from './punkt.js';
import { S, lstrip, splitWhitespace, strip } from './python.js';
import { countWords } from './words.js';

/** Paragraphs separated by a markdown divider `***`, spaces around it included. */
const DIVIDER = new RegExp(`${S}?\\*\\*\\*${S}?`, 'u');
/** Characters at which nth_paragraph_first_word stops reading the first word. */
const WORD_END = new Set(['.', ',', '?', '!', "'", '"']);

/**
 * The number of paragraphs between `***` dividers, or -1 when an empty one sits between two
 * dividers (the reference then fails the instruction whatever the number asked).
 */
function dividedParagraphs(response: string): number {
  const paragraphs = response.split(DIVIDER);
  let count = paragraphs.length;
  for (const [index, paragraph] of paragraphs.entries()) {
    if (strip(paragraph) !== '') continue;
    if (index !== 0 && index !== paragraphs.length - 1) return -1;
    count--;
  }
  return count;
}

/** The nth paragraph's first word as the reference reads it: leading quotes dropped, lowercased, cut at punctuation. */
function firstWord(paragraph: string): string {
  const word = lstrip(lstrip(splitWhitespace(paragraph)[0] ?? '', "'"), '"');
  let first = '';
  for (const char of word) {
    if (WORD_END.has(char)) break;
    first += char.toLowerCase();
  }
  return first;
}

/** length_constraints:* — sentences, words, paragraphs. */
export const lengthInstructions = [
  defineInstruction(
    'length_constraints:number_sentences',
    z.strictObject({ num_sentences: Count, relation: Relation }),
    (response, { num_sentences, relation }) => compare(countSentences(response), relation, num_sentences),
  ),
  defineInstruction('length_constraints:number_words', z.strictObject({ num_words: Count, relation: Relation }), (response, { num_words, relation }) =>
    compare(countWords(response), relation, num_words),
  ),
  defineInstruction(
    'length_constraints:number_paragraphs',
    z.strictObject({ num_paragraphs: Count }),
    (response, { num_paragraphs }) => dividedParagraphs(response) === num_paragraphs,
  ),
  defineInstruction(
    'length_constraints:nth_paragraph_first_word',
    z
      .strictObject({ num_paragraphs: Count, nth_paragraph: z.number().int().positive(), first_word: z.string() })
      .refine((args) => args.nth_paragraph <= args.num_paragraphs, 'nth_paragraph must not exceed num_paragraphs'),
    (response, { num_paragraphs, nth_paragraph, first_word }) => {
      // Paragraphs are separated by "\n\n"; empty ones are not counted but still take an index.
      const paragraphs = response.split('\n\n');
      const count = paragraphs.filter((p) => strip(p) !== '').length;
      if (nth_paragraph > count) return false;
      const paragraph = strip(paragraphs[nth_paragraph - 1] ?? '');
      if (paragraph === '') return false;
      return count === num_paragraphs && firstWord(paragraph) === first_word.toLowerCase();
    },
  ),
];
