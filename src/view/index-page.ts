import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ReportSchema } from '../report-schema.js';

export interface ListedReport {
  suite: string;
  /** The file name without `.json`: a candidate, or `<candidate>.new` for a run that kept its baseline. */
  candidate: string;
  n: number;
  errors: number;
  /** The pass rate when the report has one. */
  pass?: number;
}

/** Every report JSON one folder down (`<suite>/<candidate>.json`); other JSON files there are left out. */
export function listReports(root: string): ListedReport[] {
  const found: ListedReport[] = [];
  for (const suite of safeList(root).sort()) {
    const folder = path.join(root, suite);
    if (!isDirectory(folder)) continue;
    for (const name of safeList(folder).sort()) {
      if (!name.endsWith('.json') || name.endsWith('.run.json')) continue;
      const report = ReportSchema.safeParse(readJson(path.join(folder, name)));
      if (!report.success) continue;
      const { n, errors, metrics } = report.data.summary;
      found.push({ suite, candidate: name.slice(0, -'.json'.length), n, errors, ...(metrics['pass'] ? { pass: metrics['pass'].mean } : {}) });
    }
  }
  return found;
}

/** The index: one row per suite, one column per candidate, each cell a link to its HTML report. No script. */
export function renderIndex(reports: readonly ListedReport[], shownDir: string): string {
  const suites = [...new Set(reports.map((r) => r.suite))];
  const candidates = [...new Set(reports.map((r) => r.candidate))].sort();
  const cell = (suite: string, candidate: string) => {
    const r = reports.find((x) => x.suite === suite && x.candidate === candidate);
    if (!r) return '<td class="none">–</td>';
    const href = `${encodeURIComponent(suite)}/${encodeURIComponent(candidate)}.html`;
    const pass = r.pass === undefined ? '' : `pass ${r.pass.toFixed(2)} · `;
    return `<td><a href="${escapeHtml(href)}">${escapeHtml(candidate)}</a><br><small>${pass}${r.n} items${r.errors ? `, ${r.errors} errors` : ''}</small></td>`;
  };
  const rows = suites.map((s) => `<tr><th>${escapeHtml(s)}</th>${candidates.map((c) => cell(s, c)).join('')}</tr>`).join('\n');
  const table = reports.length
    ? `<table><thead><tr><th>suite</th>${candidates.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows}\n</tbody></table>`
    : '<p>No reports here yet: <code>evals run</code> writes them.</p>';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>evals reports</title>',
    '<style>body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1b1f24}table{border-collapse:collapse}th,td{border:1px solid #d8dde3;padding:6px 10px;text-align:left;vertical-align:top}th{background:#f4f6f8}small{color:#5b636e}a{color:#2f6fdb}</style>',
    '</head><body>',
    `<h1>evals reports</h1><p><small>${escapeHtml(shownDir)}: suites × candidates (<code>.new</code>: a run that kept its baseline)</small></p>`,
    table,
    '</body></html>',
    '',
  ].join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
