import type { z } from 'zod';
import { ReportItemSchema, ReportSchema, type Report, type ReportItem } from '../report-schema.js';

/** The item fields a report repeats: a handful of slice lists, score records and failure lists among thousands of items. */
const SHARED_FIELDS = new Set(['slices', 'scores', 'failures'] as const);
type SharedField = 'slices' | 'scores' | 'failures';
const ItemRestSchema = ReportItemSchema.omit({ slices: true, scores: true, failures: true });
const ITEM_KEYS = Object.keys(ReportItemSchema.shape);
/** Distinct values remembered per field; past this (the scores of a continuous metric), values are parsed item by item. */
const MAX_REMEMBERED = 4096;

/**
 * A report's JSON against ReportSchema: what `ReportSchema.safeParse` gives, but each distinct
 * slice list, score record and failure list is checked once and shared by the items that repeat
 * it (as a report built by a run shares them, src/reports/build.ts). Checking and copying them item
 * by item was most of the time a cached 10k-item rerun spent reading its baseline. Each part goes
 * through its own field's schema, so a report passes here exactly when it passes the whole schema;
 * one that does not is parsed whole, and the issues, paths and all, are the schema's own.
 */
export function parseReport(json: unknown): z.ZodSafeParseResult<Report> {
  return parseShared(json) ?? ReportSchema.safeParse(json);
}

function parseShared(json: unknown): z.ZodSafeParseSuccess<Report> | undefined {
  if (!isRecord(json) || !Array.isArray(json['items'])) return undefined;
  const rawItems: unknown[] = json['items'];
  const head = ReportSchema.safeParse({ ...json, items: [] });
  if (!head.success) return undefined;
  const fields = new SharedFields();
  const items: ReportItem[] = [];
  for (const raw of rawItems) {
    const rest = ItemRestSchema.safeParse(raw);
    if (!rest.success || !isRecord(raw)) return undefined;
    const values: Record<string, unknown> = rest.data;
    // Built in the schema's key order, by assignment, as the schema's own parse gives it.
    const item: Record<string, unknown> = {};
    for (const key of ITEM_KEYS) {
      const value = isShared(key) ? fields.parse(key, raw[key]) : values[key];
      if (value === INVALID) return undefined;
      if (value !== undefined) item[key] = value;
    }
    items.push(item as ReportItem);
  }
  head.data.items = items;
  return head;
}

const INVALID = Symbol('invalid');

class SharedFields {
  private readonly seen = new Map<string, unknown>();

  /** The field's parsed value, one copy per distinct value; INVALID when the field's schema refuses it. */
  parse(field: SharedField, raw: unknown): unknown {
    const key = raw === undefined ? undefined : `${field}\u0000${JSON.stringify(raw)}`;
    if (key !== undefined && this.seen.has(key)) return this.seen.get(key);
    const parsed = ReportItemSchema.shape[field].safeParse(raw);
    if (!parsed.success) return INVALID;
    if (key !== undefined && this.seen.size < MAX_REMEMBERED * SHARED_FIELDS.size) this.seen.set(key, parsed.data);
    return parsed.data;
  }
}

function isShared(key: string): key is SharedField {
  return SHARED_FIELDS.has(key as SharedField);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
