import type { z } from 'zod';
import { ReportItemSchema, ReportSchema, type Report, type ReportItem } from '../report-schema.js';
import { INVALID, ParseOnce } from '../util/sharing.js';

/** The item fields a report repeats: a handful of slice lists, score records and failure lists among thousands of items. */
const SHARED_FIELDS = new Set(['slices', 'scores', 'failures'] as const);
type SharedField = 'slices' | 'scores' | 'failures';
const ItemRestSchema = ReportItemSchema.omit({ slices: true, scores: true, failures: true });
const ITEM_KEYS = Object.keys(ReportItemSchema.shape);

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
  const shared = new ParseOnce();
  const items: ReportItem[] = [];
  for (const raw of rawItems) {
    const rest = ItemRestSchema.safeParse(raw);
    if (!rest.success || !isRecord(raw)) return undefined;
    const values: Record<string, unknown> = rest.data;
    // Built in the schema's key order, by assignment, as the schema's own parse gives it.
    const item: Record<string, unknown> = {};
    for (const key of ITEM_KEYS) {
      const value = isShared(key) ? shared.parse(key, ReportItemSchema.shape[key], raw[key]) : values[key];
      if (value === INVALID) return undefined;
      if (value !== undefined) item[key] = value;
    }
    items.push(item as ReportItem);
  }
  head.data.items = items;
  return head;
}

function isShared(key: string): key is SharedField {
  return SHARED_FIELDS.has(key as SharedField);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
