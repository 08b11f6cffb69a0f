import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GoldenItemFieldsSchema, KNOWN_FIELDS, type GoldenItem } from '../../../src/goldensets/item.js';

export const GOLDEN_SET = fileURLToPath(new URL('../../../goldensets/support/support.jsonl', import.meta.url));

/**
 * The example golden set, each line validated with the harness's own item schema (which also
 * validates every check against the check registry). Used by score.ts and the example's tests;
 * the harness has its own loader.
 */
export async function readGoldenSet(file: string = GOLDEN_SET): Promise<GoldenItem[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const items: GoldenItem[] = [];
  lines.forEach((text, index) => {
    if (text.trim() === '') return;
    const row = JSON.parse(text) as Record<string, unknown>;
    const parsed = GoldenItemFieldsSchema.safeParse(row);
    if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.issues[0]?.message}`);
    const metadata = Object.fromEntries(Object.entries(row).filter(([key]) => !KNOWN_FIELDS.has(key)));
    items.push({ ...parsed.data, metadata, origin: { file, line: index + 1 } });
  });
  return items;
}
