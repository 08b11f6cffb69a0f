import { promptText, type CandidateOutput, type GoldenItem } from 'evals-gate';
import { loadDocs } from '../lib/docs.js';
import { scoreSentences, topSentences } from '../lib/extract.js';
import { sentences, tokenize, uniqueTerms } from '../lib/text.js';

// Synthetic stand-in for a first, naive RAG pipeline: whole pages ranked by how many of the
// question's words they contain, the 3 best handed to a "generator" that copies the best
// sentences. It cites only the first page, answers in prose whatever was asked, never refuses.

const TOP_PAGES = 3;
const SENTENCES_PER_ANSWER = 2;

export default async function ragV1(item: GoldenItem): Promise<CandidateOutput> {
  const docs = await loadDocs();
  const terms = uniqueTerms(promptText(item.input));
  const ranked = docs
    .map((doc, index) => {
      const words = new Set(tokenize(`${doc.title} ${doc.body}`));
      return { doc, index, overlap: terms.filter((t) => words.has(t)).length };
    })
    .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
    .slice(0, TOP_PAGES)
    .map((r) => r.doc);

  const pool = ranked.flatMap((doc) => sentences(doc.body).map((text) => ({ text, source: doc.id })));
  const scored = scoreSentences(
    pool.map((s, position) => ({ ...s, position })),
    terms,
    () => 1,
  );
  const answer = topSentences(scored, SENTENCES_PER_ANSWER)
    .map((s) => s.text)
    .join(' ');
  const first = ranked[0];
  if (!first) return { text: answer, contexts: [] };
  return {
    text: `${answer} [${first.id}]`,
    citations: [first.id],
    contexts: ranked.map((doc) => ({ id: doc.id, text: doc.body })),
  };
}
