import { gunzipSync, gzipSync } from 'node:zlib';
import { HtmlReportSchema, type HtmlItem, type HtmlReport } from './model.js';

/**
 * JSON that can sit inside `<script type="application/json">` whatever the strings in it hold:
 * `<`, `>` and `&` are written as \u escapes, so no `</script` or `<!--` in a candidate's answer
 * can end the element or open a comment, and U+2028/U+2029 are escaped too. JSON.parse reads the
 * escapes back to the same strings (JSON has no `<` outside strings, so nothing else changes).
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Items travel in gzip chunks, base64 (an alphabet without `<`): a 10k-item page is a quarter of
 * the size and the browser's HTML parser has a quarter as much to scan; the page inflates them
 * with DecompressionStream. Each chunk is a JSON array of items, so memory stays per chunk here.
 */
export const ITEMS_PER_CHUNK = 500;

export function itemsChunk(items: readonly HtmlItem[]): string {
  return gzipSync(Buffer.from(JSON.stringify(items), 'utf8')).toString('base64');
}

/** The page's data as embedded by render.ts, read back (for tests and for tools that want the data, not the page). */
export function readHtmlReport(html: string): HtmlReport {
  const page = JSON.parse(scriptText(html, 'evals-data')) as Record<string, unknown>;
  const chunks = JSON.parse(scriptText(html, 'evals-items')) as string[];
  const items = chunks.flatMap((chunk) => JSON.parse(gunzipSync(Buffer.from(chunk, 'base64')).toString('utf8')) as unknown[]);
  return HtmlReportSchema.parse({ ...page, items });
}

function scriptText(html: string, id: string): string {
  const open = `<script type="application/json" id="${id}">`;
  const start = html.indexOf(open);
  if (start < 0) throw new Error(`no #${id} in this page`);
  return html.slice(start + open.length, html.indexOf('</script', start));
}
