import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HtmlPageData } from './build.js';
import { scriptSafeJson } from './embed.js';

/** The page's script and style ship as plain files in the package (templates/html/), read once. */
const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/html/', import.meta.url));
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
 * `<script type="application/json">` (embed.ts), items streamed one by one. The Content Security
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
  const marker = '"@@items@@"';
  const skeleton = scriptSafeJson({ ...data.page, items: ['@@items@@'] });
  const at = skeleton.indexOf(marker);
  yield skeleton.slice(0, at);
  let first = true;
  for (const item of data.items) {
    yield `${first ? '' : ',\n'}${scriptSafeJson(item)}`;
    first = false;
  }
  yield `${skeleton.slice(at + marker.length)}</script>\n<script>${js}</script>\n</body>\n</html>\n`;
}
