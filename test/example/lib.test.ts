import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../examples/support/lib/bm25.js';
import { loadDocs, mostRead, parseDoc, passages, type Doc } from '../../examples/support/lib/docs.js';
import { scoreSentences, topSentences } from '../../examples/support/lib/extract.js';
import { fillShape, firstNumber, negated, parseJsonRequest } from '../../examples/support/lib/json-shape.js';
import { listItem, sentences, stem, tokenize } from '../../examples/support/lib/text.js';

describe('text', () => {
  it('stems inflections of one word to the same term', () => {
    expect(stem('devices')).toBe(stem('device'));
    expect(stem('deleted')).toBe(stem('delete'));
    expect(stem('sharing')).toBe(stem('share'));
    expect(stem('policies')).toBe('policy');
    expect(stem('4417')).toBe('4417');
  });

  it('tokenizes into content words, dropping stopwords and contractions', () => {
    expect(tokenize("What's the E-4417 error? I can't sync my notes")).toEqual(['4417', 'error', 'sync', stem('notes')]);
  });

  it('splits Markdown into sentences and list items, skipping headings', () => {
    const md = '## Steps\n\n1. Open **Settings**.\n2. Choose Sync now.\n\nIt works. Then it syncs every 60 seconds.';
    expect(sentences(md)).toEqual(['Open Settings.', 'Choose Sync now.', 'It works.', 'Then it syncs every 60 seconds.']);
    expect(listItem('- Remove the device')).toBe('Remove the device');
    expect(listItem('Remove the device')).toBeNull();
  });
});

describe('docs', () => {
  const raw = '---\ntitle: Refunds\nviews: 30\n---\n\n# Refunds\n\nIntro text.\n\n## Annual\n\nWithin 14 days.\n';

  it('parses front matter and splits sections into passages', () => {
    const doc = parseDoc('billing/refunds.md', raw);
    expect(doc).toMatchObject({ id: 'billing/refunds.md', title: 'Refunds', views: 30 });
    expect(passages(doc)).toEqual([
      { docId: 'billing/refunds.md', heading: 'Refunds', text: 'Intro text.' },
      { docId: 'billing/refunds.md', heading: 'Annual', text: 'Within 14 days.' },
    ]);
  });

  it('rejects a page without valid front matter', () => {
    expect(() => parseDoc('x.md', '# No front matter')).toThrow(/front matter/);
    expect(() => parseDoc('x.md', '---\ntitle: X\nviews: many\n---\nbody')).toThrow(/bad front matter/);
  });

  it('keeps the most-read pages that make up the requested share of reads', () => {
    const doc = (id: string, views: number): Doc => ({ id, title: id, views, body: '' });
    const docs = [doc('c', 10), doc('a', 60), doc('b', 30)];
    expect(mostRead(docs, 0.5).map((d) => d.id)).toEqual(['a']);
    expect(mostRead(docs, 0.8).map((d) => d.id)).toEqual(['a', 'b']);
    expect(mostRead(docs, 1).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });

  it('loads the bundled corpus with titles and view counts', async () => {
    const docs = await loadDocs();
    expect(docs.length).toBeGreaterThanOrEqual(20);
    expect(docs.map((d) => d.id)).toContain('billing/refunds.md');
    expect(docs.every((d) => d.title !== '' && d.views > 0)).toBe(true);
  });
});

describe('Bm25Index', () => {
  const texts = ['refund annual plan within 14 days', 'sync devices every minute', 'refund monthly plan never'];
  const index = new Bm25Index(texts, (t) => t.split(' '));

  it('ranks the passage that matches rarer query terms first', () => {
    expect(index.search(['refund', 'annual']).map((h) => h.item)).toEqual([texts[0], texts[2]]);
    expect(index.search(['unknown'])).toEqual([]);
  });

  it('gives unseen terms the highest idf', () => {
    expect(index.idf('unknown')).toBeGreaterThan(index.idf('annual'));
    expect(index.idf('annual')).toBeGreaterThan(index.idf('refund'));
  });

  it('measures the share of the query weight that retrieved passages cover', () => {
    expect(index.coverage([texts[0] ?? ''], ['refund', 'annual'])).toBe(1);
    expect(index.coverage([texts[1] ?? ''], ['refund', 'annual'])).toBe(0);
    const partial = index.coverage([texts[0] ?? ''], ['annual', 'unknown']);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.5);
  });
});

describe('extract', () => {
  it('scores sentences by query term weight, crediting the heading at half weight', () => {
    const scored = scoreSentences(
      [
        { text: 'It syncs 5 devices.', source: 'p', position: 0, context: 'Plus' },
        { text: 'Plus costs money.', source: 'p', position: 1 },
      ],
      ['plu', 'devic'],
      () => 1,
    );
    expect(scored.map((s) => s.score)).toEqual([1.5, 1]);
    expect(topSentences(scored, 1).map((s) => s.position)).toEqual([0]);
  });
});

describe('json-shape', () => {
  const question = 'How do I turn on 2FA? Answer as JSON {"answer": string, "steps": string[], "source": string, "codes": number, "sms": boolean}.';

  it('reads the requested fields and strips the instruction from the question', () => {
    const request = parseJsonRequest(question);
    expect(request?.fields).toEqual([
      { key: 'answer', type: 'string' },
      { key: 'steps', type: 'string[]' },
      { key: 'source', type: 'string' },
      { key: 'codes', type: 'number' },
      { key: 'sms', type: 'boolean' },
    ]);
    expect(request?.question).toBe('How do I turn on 2FA?');
    expect(parseJsonRequest('How do I turn on 2FA?')).toBeNull();
  });

  it('fills each field from the answer parts', () => {
    const request = parseJsonRequest(question);
    const filled = fillShape(request?.fields ?? [], {
      answer: 'Lumen gives you 10 backup codes.',
      sentences: ['SMS is not available here.'],
      steps: ['Open Settings.'],
      sources: ['security/two-factor.md'],
    });
    expect(filled).toEqual({
      answer: 'Lumen gives you 10 backup codes.',
      steps: ['Open Settings.'],
      source: 'security/two-factor.md',
      codes: 10,
      sms: false,
    });
  });

  it('reads numbers as written, not digits inside words', () => {
    expect(firstNumber('With 2FA on, it costs $9.99 for 10,000 notes')).toBe(9.99);
    expect(firstNumber('up to 10,000 notes')).toBe(10000);
    expect(firstNumber('no numbers')).toBeNull();
    expect(negated('Monthly plans are not refunded.')).toBe(true);
    expect(negated('Annual plans are refunded.')).toBe(false);
  });
});
