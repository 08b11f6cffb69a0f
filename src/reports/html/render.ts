import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { HtmlPageData } from './build.js';
import { itemsChunk, ITEMS_PER_CHUNK, scriptSafeJson } from './embed.js';
import type { HtmlItem } from './model.js';
import { packagePath } from '../../util/package-path.js';

/** The page's script and style ship as plain files in the package (templates/html/), read once. */
const TEMPLATE_DIR = packagePath('templates/html/');
let assets: { css: string; js: string } | undefined;

function pageAssets(): { css: string; js: string } {
  if (!assets) {
    const css = readFileSync(`${TEMPLATE_DIR}report.css`, 'utf8');
    const js = readFileSync(`${TEMPLATE_DIR}report.js`, 'utf8');
    // Our own files: a closing tag in them would cut the page short, whatever the data.
    if (/<\/(?:script|style)/i.test(css + js)) throw new Error('templates/html: the page script or style contains a closing tag');
    assets = { css, js };
  }
  return assets;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The self-contained HTML report: inline style and script, the data as JSON in a
 * `<script type="application/json">` (embed.ts), items streamed in gzip chunks beside it. The Content Security
 * Policy allows only that script and style (by hash) and no network at all, so the page opens
 * from disk and even a string that escaped the escaping could neither run nor phone home.
 */
export function* renderHtmlReport(data: HtmlPageData): Generator<string> {
  const { css, js } = pageAssets();
  const csp = `default-src 'none'; style-src ${sha256(css)}; script-src ${sha256(js)}; img-src data:; base-uri 'none'; form-action 'none'`;
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>evals report</title>',
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<noscript>This report draws itself with JavaScript; the same figures are in the .md and .json beside it.</noscript>',
    '<main id="app"></main>',
    '<script type="application/json" id="evals-data">',
  ].join('\n');
  yield `${scriptSafeJson(data.page)}</script>\n<script type="application/json" id="evals-items">[`;
  let chunk: HtmlItem[] = [];
  let first = true;
  const flush = () => {
    const text = `${first ? '' : ',\n'}"${itemsChunk(chunk)}"`;
    first = false;
    chunk = [];
    return text;
  };
  for (const item of data.items) {
    chunk.push(item);
    if (chunk.length === ITEMS_PER_CHUNK) yield flush();
  }
  if (chunk.length > 0) yield flush();
  yield `]</script>\n<script>${js}</script>\n</body>\n</html>\n`;
}
