import { access } from 'node:fs/promises';
import { UserError, locate } from '../errors.js';
import { formatIssues } from '../util/zod-issues.js';
import { GoldenItemFieldsSchema, KNOWN_FIELDS, type GoldenItem } from './item.js';
import { readRows, type RawRow } from './rows.js';
import { INVALID, ParseOnce } from '../util/sharing.js';

/** Stop after this many bad rows: enough to fix a batch at once, not a wall of text. */
const MAX_REPORTED_ERRORS = 20;

/** The other fields, validated per row; the list fields are parsed once per distinct value (src/util/sharing.ts). */
const RowFieldsSchema = GoldenItemFieldsSchema.omit({ checks: true, slices: true, sources: true });
const { checks: ChecksSchema, slices: SlicesSchema, sources: SourcesSchema } = GoldenItemFieldsSchema.shape;

const NO_METADATA: Record<string, unknown> = Object.freeze({});

/** Validates one raw row into a golden item; returns the problems instead when it is invalid. */
export function toGoldenItem(raw: RawRow, file: string, lists = new ParseOnce()): { item: GoldenItem } | { errors: string[] } {
  const { row } = raw;
  const metadata: Record<string, unknown> = {};
  let hasMetadata = false;
  for (const key in row) {
    if (KNOWN_FIELDS.has(key)) continue;
    metadata[key] = row[key];
    hasMetadata = true;
  }
  // The schema reads its own fields of the row and leaves the others: no copy of the known ones first.
  const rest = RowFieldsSchema.safeParse(row);
  // Big golden sets repeat the same few lists (every GSM8K item has `[{type: numeric}]`): one
  // parsed copy each keeps memory flat as sets grow.
  const checks = lists.parse('checks', ChecksSchema, row['checks']);
  const slices = lists.parse('slices', SlicesSchema, row['slices']);
  const sources = lists.parse('sources', SourcesSchema, row['sources']);
  if (rest.success && checks !== INVALID && slices !== INVALID && sources !== INVALID) {
    // In the schema's key order, as parsing the whole row gave it, and built by assignment, not by
    // spreading: items built alike then share one hidden class, where spreads gave each item its
    // own (a third of an item's memory). Values are picked, not gathered into one more object
    // first: that copy, read back key by key, was most of the time a 10k-item set took to load.
    const data: Record<string, unknown> = rest.data;
    const item: Record<string, unknown> = {};
    for (const key of KNOWN_FIELDS) {
      const value = key === 'checks' ? checks : key === 'slices' ? slices : key === 'sources' ? sources : data[key];
      if (value !== undefined) item[key] = value;
    }
    // Rows without other fields share one empty, frozen metadata: an empty object per item was a
    // fifth of a 100k-item set's memory.
    item['metadata'] = hasMetadata ? metadata : NO_METADATA;
    item['origin'] = { file, line: raw.line };
    return { item: item as GoldenItem };
  }
  // The whole row through the one schema, so every problem is named as before, field paths and all.
  const known: Record<string, unknown> = {};
  for (const key in row) if (KNOWN_FIELDS.has(key)) known[key] = row[key];
  const parsed = GoldenItemFieldsSchema.safeParse(known);
  if (parsed.success) throw new Error(`${file}:${raw.line}: the row's fields passed the whole schema but not one by one`);
  return { errors: formatIssues(parsed.error, known).map((message) => locate(file, raw.line, message)) };
}

/**
 * Loads golden-set files into items, checking every row and duplicate ids across files.
 * All problems (up to a cap) are gathered into one UserError so a user fixes a file in one pass.
 */
export async function loadGoldenSets(files: readonly string[], displayName: (file: string) => string = (f) => f): Promise<GoldenItem[]> {
  const items: GoldenItem[] = [];
  const lists = new ParseOnce();
  // Each id's first item: its origin names where a duplicate was first seen.
  const seen = new Map<string, GoldenItem>();
  const errors: string[] = [];
  /** Takes one row; false once enough errors are gathered. */
  const take = (raw: RawRow, shown: string): boolean => {
    const result = toGoldenItem(raw, shown, lists);
    if ('errors' in result) {
      errors.push(...result.errors);
    } else {
      const first = seen.get(result.item.id);
      if (first) errors.push(locate(shown, raw.line, `duplicate id "${result.item.id}" (first at ${first.origin.file}:${first.origin.line})`));
      else {
        seen.set(result.item.id, result.item);
        items.push(result.item);
      }
    }
    return errors.length < MAX_REPORTED_ERRORS;
  };
  for (const file of files) {
    const shown = displayName(file);
    try {
      await access(file);
    } catch {
      throw new UserError(`${shown}: golden set not found`);
    }
    const rows = readRows(file, shown);
    // A JSONL file is read synchronously: `for await` over it cost a promise and a turn per row.
    if (Symbol.asyncIterator in rows) {
      for await (const raw of rows) if (!take(raw, shown)) break;
    } else {
      for (const raw of rows) if (!take(raw, shown)) break;
    }
    if (errors.length >= MAX_REPORTED_ERRORS) break;
  }
  if (errors.length > 0) {
    const more = errors.length >= MAX_REPORTED_ERRORS ? `\n(stopped after ${MAX_REPORTED_ERRORS} errors)` : '';
    throw new UserError(errors.join('\n') + more);
  }
  if (items.length === 0) throw new UserError(`${files.map(displayName).join(', ')}: no items`);
  return items;
}

