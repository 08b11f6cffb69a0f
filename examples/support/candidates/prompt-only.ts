import { promptText, type CandidateOutput, type GoldenItem } from 'evals-gate';
import { Bm25Index } from '../lib/bm25.js';
import { loadDocs, mostRead, type Doc } from '../lib/docs.js';
import { scoreSentences, topSentences, type Candidate } from '../lib/extract.js';
import { sentences, tokenize, uniqueTerms } from '../lib/text.js';

// Synthetic stand-in for a prompt-only system (no retrieval). Its "parametric memory" is the set
// of most-read help pages that make up 80% of all page views; it answers with the memorised
// sentences closest to the question, never cites, never refuses, and ignores format instructions.

const MEMORY_SHARE = 0.8;
const SENTENCES_PER_ANSWER = 2;

interface Memory {
  sentences: Candidate[];
  index: Bm25Index<Candidate>;
  pages: Doc[];
}

let memory: Promise<Memory> | undefined;

async function buildMemory(): Promise<Memory> {
  const pages = mostRead(await loadDocs(), MEMORY_SHARE);
  const all = pages.flatMap((doc) => sentences(doc.body).map((text) => ({ text, source: doc.id })));
  const indexed = all.map((s, position) => ({ ...s, position }));
  return { sentences: indexed, index: new Bm25Index(indexed, (s) => tokenize(s.text)), pages };
}

export default async function promptOnly(item: GoldenItem): Promise<CandidateOutput> {
  memory ??= buildMemory();
  const { sentences: remembered, index, pages } = await memory;
  const terms = uniqueTerms(promptText(item.input));
  const matches = scoreSentences(remembered, terms, (t) => index.idf(t)).filter((s) => s.score > 0);
  if (matches.length > 0) {
    return {
      text: topSentences(matches, SENTENCES_PER_ANSWER)
        .map((s) => s.text)
        .join(' '),
    };
  }
  // Nothing it remembers matches: like a model without grounding, it answers anyway, from the
  // page it knows best.
  const guess = remembered.filter((s) => s.source === pages[0]?.id).slice(0, SENTENCES_PER_ANSWER);
  return { text: guess.map((s) => s.text).join(' ') };
}
