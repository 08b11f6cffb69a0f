import { promptText, type CandidateOutput, type GoldenItem } from 'evals-gate';
import { Bm25Index, type Hit } from '../lib/bm25.js';
import { loadDocs, passages, type Passage } from '../lib/docs.js';
import { scoreSentences, topSentences, type Scored } from '../lib/extract.js';
import { fillShape, parseJsonRequest } from '../lib/json-shape.js';
import { listItem, sentences, tokenize, uniqueTerms } from '../lib/text.js';

// Synthetic stand-in for an improved RAG pipeline: BM25 over page sections, passages from at most
// two pages, the most relevant sentences, a citation for every page used, the requested JSON
// shape when a question asks for one, and a refusal when retrieval finds nothing relevant.

/** Refuse when the top passages together hold less than this share of the question's IDF mass. */
const REFUSE_BELOW = 0.5;
const COVERAGE_PASSAGES = 3;
/** A second page is used when its best passage scores this close to the top one... */
const SECOND_PAGE_MIN_SCORE = 0.4;
/** ...and covers this much of the question that the first page's passages leave out. */
const SECOND_PAGE_MIN_GAIN = 0.15;
/** A further passage or sentence from the same page is kept when it scores this close to the best. */
const KEEP_RATIO = 0.5;
const MAX_SENTENCES = 3;

let index: Promise<Bm25Index<Passage>> | undefined;

async function buildIndex(): Promise<Bm25Index<Passage>> {
  const docs = await loadDocs();
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  return new Bm25Index(docs.flatMap(passages), (p) => tokenize(`${titles.get(p.docId) ?? ''} ${p.heading} ${p.text}`));
}

export default async function ragV2(item: GoldenItem): Promise<CandidateOutput> {
  index ??= buildIndex();
  const bm25 = await index;
  const asked = promptText(item.input);
  const json = parseJsonRequest(asked);
  const terms = uniqueTerms(json ? json.question : asked);
  const hits = bm25.search(terms);
  const top = hits[0];

  const retrieved = hits.slice(0, COVERAGE_PASSAGES).map((h) => h.item);
  if (!top || bm25.coverage(retrieved, terms) < REFUSE_BELOW) {
    const unknown = terms.filter((t) => bm25.coverage(retrieved, [t]) === 0);
    const topic = unknown.length > 0 ? `"${unknown.join(' ')}"` : 'this';
    return {
      text: `I'm sorry, I can't help with that: ${topic} isn't covered in the Lumen help center.`,
      citations: [],
      contexts: [],
    };
  }

  const used = choosePassages(bm25, hits, terms);
  const sources = [...new Set(used.map((p) => p.docId))];
  const picked = pickSentences(used, terms, (t) => bm25.idf(t));
  const answerSentences = picked.map((s) => s.text);
  const contexts = sources.map((id) => ({
    id,
    text: used
      .filter((p) => p.docId === id)
      .map((p) => p.text)
      .join('\n\n'),
  }));

  if (json) {
    const steps = used.flatMap((p) => p.text.split('\n').map(listItem)).filter((s): s is string => s !== null);
    const shaped = fillShape(json.fields, {
      answer: answerSentences.join(' '),
      sentences: answerSentences,
      steps,
      sources,
    });
    return { text: JSON.stringify(shaped), citations: sources, contexts };
  }
  const markers = sources.map((id) => `[${id}]`).join(' ');
  return { text: `${answerSentences.join(' ')} ${markers}`, citations: sources, contexts };
}

/** The top page's strong passages, plus the best passage of a second page that adds to the answer. */
function choosePassages(bm25: Bm25Index<Passage>, hits: Hit<Passage>[], terms: string[]): Passage[] {
  const [top] = hits;
  if (!top) return [];
  const firstPage = hits.filter((h) => h.item.docId === top.item.docId && h.score >= KEEP_RATIO * top.score).slice(0, 2);
  const covered = new Set(terms.filter((t) => firstPage.some((h) => bm25.coverage([h.item], [t]) > 0)));
  const rest = terms.filter((t) => !covered.has(t));
  const totalIdf = terms.reduce((sum, t) => sum + bm25.idf(t), 0);
  const second = hits.find((h) => {
    if (h.item.docId === top.item.docId || h.score < SECOND_PAGE_MIN_SCORE * top.score) return false;
    const gained = rest.filter((t) => bm25.coverage([h.item], [t]) > 0).reduce((sum, t) => sum + bm25.idf(t), 0);
    return gained >= SECOND_PAGE_MIN_GAIN * totalIdf;
  });
  return [...firstPage.map((h) => h.item), ...(second ? [second.item] : [])];
}

/** The best sentence of each page used, then further sentences that score close to the best. */
function pickSentences(used: Passage[], terms: string[], idf: (t: string) => number): Scored[] {
  const pool = used.flatMap((p) => sentences(p.text).map((text) => ({ text, source: p.docId, context: p.heading })));
  const scored = scoreSentences(
    pool.map((s, position) => ({ ...s, position })),
    terms,
    idf,
  );
  const chosen = new Set<Scored>();
  for (const page of new Set(used.map((p) => p.docId))) {
    const [best] = topSentences(
      scored.filter((s) => s.source === page),
      1,
    );
    if (best) chosen.add(best);
  }
  const bestScore = Math.max(0, ...scored.map((s) => s.score));
  for (const s of [...scored].sort((a, b) => b.score - a.score || a.position - b.position)) {
    if (chosen.size >= MAX_SENTENCES) break;
    if (s.score >= KEEP_RATIO * bestScore) chosen.add(s);
  }
  return topSentences([...chosen], MAX_SENTENCES);
}
