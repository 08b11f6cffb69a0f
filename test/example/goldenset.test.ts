import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoldenItemFieldsSchema } from '../../src/goldensets/item.js';
import { DOCS_DIR, loadDocs, mostRead } from '../../examples/support/lib/docs.js';

// Validates the example golden set as data: every line parses with the harness's own schema
// (checks included), slices have their intended sizes, head and long-tail items ask about the
// pages their names promise, and the key facts each item demands are grounded in its gold source
// pages rather than invented.

const file = fileURLToPath(new URL('../../goldensets/support/support.jsonl', import.meta.url));
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const items = lines.map((line, index) => {
  const parsed = GoldenItemFieldsSchema.safeParse(JSON.parse(line));
  if (!parsed.success) throw new Error(`support.jsonl:${index + 1}: ${JSON.stringify(parsed.error.issues[0])}`);
  return parsed.data;
});

const docText = (id: string) => readFileSync(path.join(DOCS_DIR, id), 'utf8');
const params = (check: { params: unknown }) => check.params as Record<string, unknown>;
const checksOf = (item: (typeof items)[number], type: string) => item.checks.filter((c) => c.type === type);

// Head-heavy like real support traffic. The long tail needs about 100 items so that a tenth of
// it degrading is a significant drop for the gate's paired test, not noise.
const MIN_PER_SLICE: Record<string, number> = {
  head: 360,
  'long-tail': 95,
  'out-of-scope': 36,
  format: 27,
  'multi-doc': 27,
};
const PREFIX: Record<string, string> = {
  head: 'head-',
  'long-tail': 'tail-',
  'out-of-scope': 'oos-',
  format: 'fmt-',
  'multi-doc': 'multi-',
};

describe('support golden set', () => {
  it('has at least 550 items with unique ids and no repeated question', () => {
    const ids = items.map((i) => i.id);
    expect(ids.length).toBeGreaterThanOrEqual(550);
    expect(new Set(ids).size).toBe(ids.length);
    const questions = items.map((i) => JSON.stringify(i.input).toLowerCase());
    expect(questions.filter((q, index) => questions.indexOf(q) !== index)).toEqual([]);
  });

  it('fills every slice, with ids prefixed by the first slice', () => {
    for (const [slice, min] of Object.entries(MIN_PER_SLICE)) {
      expect(items.filter((i) => i.slices.includes(slice)).length, slice).toBeGreaterThanOrEqual(min);
    }
    for (const item of items) {
      const first = item.slices[0] ?? '';
      expect(PREFIX[first], `${item.id}: unknown slice ${first}`).toBeDefined();
      expect(item.id.startsWith(PREFIX[first] ?? '?'), item.id).toBe(true);
    }
  });

  it('asks head questions about the most-read pages and long-tail ones about the rest', async () => {
    // The pages that make up 80% of reads, as prompt-only's memory does (examples/support/lib/docs.ts).
    const popular = new Set(mostRead(await loadDocs(), 0.8).map((d) => d.id));
    for (const item of items) {
      if (item.slices.includes('head'))
        expect(
          item.sources.every((s) => popular.has(s)),
          item.id,
        ).toBe(true);
      if (item.slices.includes('long-tail'))
        expect(
          item.sources.some((s) => popular.has(s)),
          item.id,
        ).toBe(false);
    }
  });

  it('cites only pages that exist', () => {
    for (const item of items) {
      for (const source of item.sources) expect(() => docText(source), `${item.id}: ${source}`).not.toThrow();
    }
  });

  it('grounds every contains value in one of the item’s gold pages', () => {
    for (const item of items) {
      const pages = item.sources.map((s) => docText(s).toLowerCase());
      for (const check of checksOf(item, 'contains')) {
        for (const value of params(check).values as string[]) {
          expect(
            pages.some((page) => page.includes(value.toLowerCase())),
            `${item.id}: "${value}" is in none of ${item.sources.join(', ')}`,
          ).toBe(true);
        }
      }
    }
  });

  it('grounds every numeric answer in one of the item’s gold pages', () => {
    for (const item of items) {
      for (const check of checksOf(item, 'numeric')) {
        const value = String(params(check).value);
        expect(
          item.sources.some((s) => docText(s).includes(value)),
          `${item.id}: ${value}`,
        ).toBe(true);
      }
    }
  });

  it('gives each slice the checks that define it', () => {
    for (const item of items) {
      if (item.slices.includes('out-of-scope')) {
        expect(item.sources, item.id).toEqual([]);
        expect(
          checksOf(item, 'refusal').map((c) => params(c).expected),
          item.id,
        ).toEqual([true]);
        continue;
      }
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      expect(checksOf(item, 'contains').length, item.id).toBeGreaterThan(0);
      // Every in-scope question deserves an answer: refusing it is measured as over-refusal.
      expect(
        checksOf(item, 'refusal').map((c) => params(c).expected),
        item.id,
      ).toEqual([false]);
      const citations = checksOf(item, 'citations');
      expect(
        citations.map((c) => params(c)),
        item.id,
      ).toEqual([{ expect: 'sources', required: true, minRecall: 1 }]);
      if (item.slices.includes('multi-doc')) expect(item.sources.length, item.id).toBeGreaterThanOrEqual(2);
      if (item.slices.includes('format')) {
        expect(checksOf(item, 'json-schema').length, item.id).toBe(1);
        expect(typeof item.input === 'string' && /\bJSON\b[^{]*\{/.test(item.input), item.id).toBe(true);
      }
    }
  });
});
