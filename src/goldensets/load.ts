import { access } from 'node:fs/promises';
import { UserError, locate } from '../errors.js';
import { formatIssues } from '../config/zod-issues.js';
import { GoldenItemFieldsSchema, KNOWN_FIELDS, type GoldenItem } from './item.js';
import { readRows, type RawRow } from './rows.js';

/** Stop after this many bad rows: enough to fix a batch at once, not a wall of text. */
const MAX_REPORTED_ERRORS = 20;

/**
 * Shares equal check lists and slice lists between items: big golden sets repeat the same few
 * (every GSM8K item has `[{type: numeric}]`), and one copy each keeps memory flat as sets grow.
 * Keyed by JSON.stringify, not canonical JSON: rows of one file write their lists the same way,
 * and sorting keys for every row cost more than the rest of loading it.
 */
export class Interner {
  private readonly seen = new Map<string, unknown>();
  share<T>(value: T): T {
    const key = JSON.stringify(value);
    const known = this.seen.get(key);
    if (known !== undefined) return known as T;
    this.seen.set(key, value);
    return value;
  }
}

/** Validates one raw row into a golden item; returns the problems instead when it is invalid. */
export function toGoldenItem(raw: RawRow, file: string, interner?: Interner): { item: GoldenItem } | { errors: string[] } {
  const known: Record<string, unknown> = {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw.row)) {
    if (KNOWN_FIELDS.has(key)) known[key] = value;
    else metadata[key] = value;
  }
  const parsed = GoldenItemFieldsSchema.safeParse(known);
  if (!parsed.success) {
    return { errors: formatIssues(parsed.error, known).map((message) => locate(file, raw.line, message)) };
  }
  const item = { ...parsed.data, metadata, origin: { file, line: raw.line } };
  if (interner) {
    item.checks = interner.share(item.checks);
    item.slices = interner.share(item.slices);
  }
  return { item };
}

/**
 * Loads golden-set files into items, checking every row and duplicate ids across files.
 * All problems (up to a cap) are gathered into one UserError so a user fixes a file in one pass.
 */
export async function loadGoldenSets(files: readonly string[], displayName: (file: string) => string = (f) => f): Promise<GoldenItem[]> {
  const items: GoldenItem[] = [];
  const interner = new Interner();
  const seen = new Map<string, string>();
  const errors: string[] = [];
  for (const file of files) {
    const shown = displayName(file);
    try {
      await access(file);
    } catch {
      throw new UserError(`${shown}: golden set not found`);
    }
    for await (const raw of readRows(file, shown)) {
      const result = toGoldenItem(raw, shown, interner);
      if ('errors' in result) {
        errors.push(...result.errors);
      } else {
        const first = seen.get(result.item.id);
        if (first) errors.push(locate(shown, raw.line, `duplicate id "${result.item.id}" (first at ${first})`));
        else {
          seen.set(result.item.id, `${shown}:${raw.line}`);
          items.push(result.item);
        }
      }
      if (errors.length >= MAX_REPORTED_ERRORS) break;
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

