import { sentences } from './punkt.js';
import { BOUNDARY, DIGIT, END, S, WORD, splitWhitespace } from './python.js';

/**
 * Word counting and tokenizing as IFEval does it: `count_words` is NLTK's RegexpTokenizer(r"\w+")
 * (so "don't" is two words, and a Devanagari vowel sign or virama splits a word, as in Python), and
 * `nltk.word_tokenize` is Punkt sentences, each through NLTK's improved Treebank tokenizer
 * (NLTKWordTokenizer, nltk/tokenize/destructive.py, NLTK 3.8), ported rule by rule below.
 * Written here because no npm tokenizer reproduces NLTK's; IFEval counts all-capital words
 * among these tokens, so a split such as "NASA's" -> "NASA", "'s" changes its verdicts.
 */

const WORDS = new RegExp(`${WORD}+`, 'gu');

/** IFEval's `count_words`. */
export const countWords = (text: string): number => [...text.matchAll(WORDS)].length;

type Rule = [pattern: RegExp, replacement: string];
const rule = (source: string, replacement: string, flags = ''): Rule => [new RegExp(source, `g${flags}u`), replacement];

const STARTING_QUOTES: Rule[] = [
  rule('([«“‘„]|[`]+)', ' $1 '),
  rule('^"', '``'),
  rule('(``)', ' $1 '),
  rule(`([ (\\[{<])("|'{2})`, '$1 `` '),
  rule(`(')(?!re|ve|ll|m|t|s|d|n)(${WORD})${BOUNDARY}`, '$1 $2', 'i'),
];

const PUNCTUATION: Rule[] = [
  rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${S}*${END}`, '$1 $2 $3 '),
  rule(`([:,])([^${DIGIT}])`, ' $1 $2'),
  rule(`([:,])${END}`, ' $1 '),
  rule('\\.{2,}', ' $& '),
  rule('[;@#$%&]', ' $& '),
  rule(`([^.])(\\.)([\\])}>"']*)${S}*${END}`, '$1 $2$3 '),
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
  rule('[*]', ' $& '),
];

const PARENS_BRACKETS = rule('[\\][(){}<>]', ' $& ');
const DOUBLE_DASHES = rule('--', ' -- ');

const ENDING_QUOTES: Rule[] = [
  rule('([»”’])', ' $1 '),
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

/** MacIntyre's contractions: "cannot" -> "can not", "gonna" -> "gon na", "'tis" -> "'t is". */
const CONTRACTIONS: Rule[] = [
  ...['(can)(not)', "(d)('ye)", '(gim)(me)', '(gon)(na)', '(got)(ta)', '(lem)(me)', "(more)('n)"].map((pair) =>
    rule(`${BOUNDARY}${pair}${BOUNDARY}`, ' $1 $2 ', 'i'),
  ),
  rule(`${BOUNDARY}(wan)(na)(?=${S})`, ' $1 $2 ', 'i'),
  rule(` ('t)(is)${BOUNDARY}`, ' $1 $2 ', 'i'),
  rule(` ('t)(was)${BOUNDARY}`, ' $1 $2 ', 'i'),
];

const apply = (text: string, rules: readonly Rule[]): string => rules.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);

/** NLTKWordTokenizer.tokenize on one sentence. */
export function treebankTokens(sentence: string): string[] {
  let text = apply(sentence, STARTING_QUOTES);
  text = apply(text, PUNCTUATION);
  text = apply(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = apply(` ${text} `, ENDING_QUOTES);
  return splitWhitespace(apply(text, CONTRACTIONS));
}

/** `nltk.word_tokenize(text)`. */
export const wordTokenize = (text: string): string[] => sentences(text).flatMap(treebankTokens);
