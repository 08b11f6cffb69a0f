import { ABBREVIATIONS, COLLOCATIONS, SENTENCE_STARTERS } from './punkt-english.js';
import { DIGIT, LINE_END, NS, S, firstChar, isLower, isUpper, rstrip } from './python.js';

/**
 * NLTK's Punkt sentence tokenizer (nltk/tokenize/punkt.py, NLTK 3.8, as IFEval's
 * `count_sentences` and `nltk.word_tokenize` run it) with the English model's parameters.
 * Written here because no npm package reproduces NLTK's Punkt, and IFEval's sentence counts
 * must match it: a newline is no sentence break, "e.g." and "etc." are (they are not in the
 * model's abbreviations), "Dr." and "U.S." are not. Only tokenizing with a trained model is
 * ported, not training. Known difference: the model's orthographic context is left out (see
 * punkt-english.ts); the rest follows NLTK step by step, with Python's regex semantics.
 */

const NON_WORD = `(?:[)";}\\]*:@'({\\[?!])`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${S}){2,}\\.)`;
const WORD_START = `[^("\`{\\[:;&#*@)}\\]\\-,]`;
/** Punkt's word tokens: periods stay attached to their word, other punctuation is split off. */
const WORD_TOKEN = new RegExp(`${MULTI_CHAR}|(?=${WORD_START})${NS}+?(?=${S}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${S}|${NON_WORD}|${MULTI_CHAR}))|${NS}`, 'gu');
/** A candidate boundary: . ? or ! followed by punctuation, or by whitespace and the next token. */
const PERIOD_CONTEXT = new RegExp(`[.?!](?=(?<after>${NON_WORD}|${S}+(?<next>${NS}+)))`, 'gdu');
/** Closing quotes and brackets right after a boundary belong to the sentence before it. */
const REALIGN = new RegExp(`^["')\\]}]+?(?:${S}+|(?=--)|${LINE_END})`, 'u');

const NUMERIC = new RegExp(`^-?[.,]?${DIGIT}[${DIGIT},.\\-]*\\.?$`, 'u');
const INITIAL = /^[\p{L}\p{Nl}\p{No}_]\.$/u;
const ELLIPSIS = /^\.\.+$/;
const SENTENCE_END = ['.', '?', '!'];
const PUNCTUATION = [';', ':', ',', '.', '!', '?'];
/** Python's `string.whitespace`, which Punkt uses to find the word before a boundary. */
const ASCII_WHITESPACE = ' \t\n\r\v\f';

interface Token {
  tok: string;
  type: string;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

const periodFinal = (t: Token) => t.tok.endsWith('.');
const typeNoPeriod = (t: Token) => (t.type.length > 1 && t.type.endsWith('.') ? t.type.slice(0, -1) : t.type);
const typeNoSentperiod = (t: Token) => (t.sentbreak ? typeNoPeriod(t) : t.type);

function token(tok: string): Token {
  return { tok, type: tok.toLowerCase().replace(NUMERIC, '##number##'), sentbreak: false, abbr: false, ellipsis: false };
}

/** First pass: decisions from the token's own type. */
function annotateType(t: Token): void {
  if (SENTENCE_END.includes(t.tok)) t.sentbreak = true;
  else if (ELLIPSIS.test(t.tok)) t.ellipsis = true;
  else if (periodFinal(t) && !t.tok.endsWith('..')) {
    const stem = t.tok.slice(0, -1).toLowerCase();
    if (ABBREVIATIONS.has(stem) || ABBREVIATIONS.has(stem.split('-').at(-1) ?? '')) t.abbr = true;
    else t.sentbreak = true;
  }
}

/**
 * Does `t` start a sentence, judging by its case? With no orthographic context (every type
 * unseen), NLTK's heuristic reduces to: punctuation never does, a lowercase word does not,
 * anything else is unknown.
 */
function orthoStarter(t: Token): boolean | 'unknown' {
  if (PUNCTUATION.includes(t.tok)) return false;
  return isLower(firstChar(t.tok)) ? false : 'unknown';
}

/** Second pass: a period-final token reconsidered in the light of the token after it. */
function annotateContext(t1: Token, t2: Token | undefined): void {
  if (!t2 || !periodFinal(t1)) return;
  const typ = typeNoPeriod(t1);
  const nextTyp = typeNoSentperiod(t2);
  const initial = INITIAL.test(t1.tok);
  if (COLLOCATIONS.has(`${typ}|${nextTyp}`)) {
    t1.sentbreak = false;
    t1.abbr = true;
    return;
  }
  if ((t1.abbr || t1.ellipsis) && !initial) {
    if (orthoStarter(t2) === true || (isUpper(firstChar(t2.tok)) && SENTENCE_STARTERS.has(nextTyp))) {
      t1.sentbreak = true;
      return;
    }
  }
  if (initial || typ === '##number##') {
    const starter = orthoStarter(t2);
    // An initial before a capitalised word never seen in lowercase is a name ("J. Bach"); with no
    // orthographic context every word counts as never seen in lowercase.
    if (starter === false || (starter === 'unknown' && initial && isUpper(firstChar(t2.tok)))) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/** Whether a boundary's context (the word before, the mark, what follows) holds a break before its last token. */
function containsBreak(context: string): boolean {
  const tokens = context.split('\n').flatMap((line) => [...line.matchAll(WORD_TOKEN)].map((m) => token(m[0])));
  tokens.forEach(annotateType);
  tokens.forEach((t, i) => annotateContext(t, tokens[i + 1]));
  return tokens.slice(0, -1).some((t) => t.sentbreak);
}

function lastWhitespaceIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (ASCII_WHITESPACE.includes(text[i] ?? '')) return i;
  return 0;
}

interface Candidate {
  match: RegExpExecArray;
  context: string;
}

/** Candidate boundaries with their contexts; one whose word overlaps the previous one's is skipped. */
function candidates(text: string): Candidate[] {
  const found: Candidate[] = [];
  let previous: RegExpExecArray | undefined;
  let slice = { start: 0, stop: 0 };
  for (const match of text.matchAll(PERIOD_CONTEXT)) {
    const space = lastWhitespaceIndex(text.slice(slice.stop, match.index));
    // NLTK treats "no whitespace" and "whitespace at index 0" alike (both 0): kept as is.
    const wordStart = space ? space + slice.stop + 1 : slice.start;
    if (previous && slice.stop <= wordStart) found.push(withContext(text, previous, slice));
    previous = match;
    slice = { start: wordStart, stop: match.index };
  }
  if (previous) found.push(withContext(text, previous, slice));
  return found;
}

function withContext(text: string, match: RegExpExecArray, word: { start: number; stop: number }): Candidate {
  return { match, context: text.slice(word.start, word.stop) + match[0] + (match.groups?.after ?? '') };
}

type Span = [start: number, end: number];

function rawSpans(text: string): Span[] {
  const spans: Span[] = [];
  let lastBreak = 0;
  for (const { match, context } of candidates(text)) {
    if (!containsBreak(context)) continue;
    spans.push([lastBreak, match.index + match[0].length]);
    lastBreak = match.indices?.groups?.next?.[0] ?? match.index + match[0].length;
  }
  spans.push([lastBreak, rstrip(text).length]);
  return spans;
}

/** Moves closing punctuation after a break into the sentence before it; drops empty spans. */
function realigned(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let shift = 0;
  spans.forEach(([start, end], i) => {
    const from = start + shift;
    const next = spans[i + 1];
    const m = next ? REALIGN.exec(text.slice(next[0], next[1])) : null;
    if (next && m) {
      out.push([from, next[0] + rstrip(m[0]).length]);
      shift = m[0].length;
      return;
    }
    shift = 0;
    if (text.slice(from, end) !== '') out.push([from, end]);
  });
  return out;
}

/** The sentences of `text`, as `PunktSentenceTokenizer.tokenize` returns them. */
export function sentences(text: string): string[] {
  return realigned(text, rawSpans(text)).map(([start, end]) => text.slice(start, end));
}

/** IFEval's `count_sentences`. */
export const countSentences = (text: string): number => sentences(text).length;
