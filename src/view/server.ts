import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ReportSchema } from '../report-schema.js';
import { RecordedAnswers } from '../reports/diff-context.js';
import { htmlAnswersInIdOrder } from '../reports/html/answers.js';
import { buildHtmlData } from '../reports/html/build.js';
import { renderHtmlReport } from '../reports/html/render.js';
import { listReports, renderIndex } from './index-page.js';
import { fileInside, isWithin } from './safe-path.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export interface ViewServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (never another interface): the index at `/`, files inside `root`, nothing outside it. */
export async function startViewServer(root: string, port: number, shownDir: string): Promise<ViewServer> {
  const realRoot = realpathSync(root);
  const server = createServer((req, res) => {
    try {
      handle(req, res, realRoot, shownDir);
    } catch {
      send(res, 500, 'text/plain; charset=utf-8', 'could not read that file\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function handle(req: IncomingMessage, res: ServerResponse, root: string, shownDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'only GET\n');
  const url = req.url ?? '/';
  if (url === '/' || url.startsWith('/?') || url === '/index.html')
    return send(res, 200, TYPES['.html'] as string, renderIndex(listReports(root), shownDir), req);
  const file = fileInside(root, url);
  if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  if (existsSync(file)) {
    // A symlink inside the folder that points out of it is outside it.
    if (!isWithin(root, realpathSync(file)) || !statSync(file).isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    return send(res, 200, TYPES[path.extname(file)] ?? 'text/plain; charset=utf-8', readFileSync(file), req);
  }
  const page = file.endsWith('.html') ? pageFromJson(root, file) : undefined;
  if (page === undefined) return send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
  send(res, 200, TYPES['.html'] as string, page, req);
}

/** A report's page drawn from its .json and .outputs.jsonl, for a folder whose .html files are not committed. */
function pageFromJson(root: string, htmlFile: string): string | undefined {
  const json = htmlFile.replace(/\.html$/, '.json');
  if (!existsSync(json) || !isWithin(root, realpathSync(json))) return undefined;
  const report = ReportSchema.safeParse(JSON.parse(readFileSync(json, 'utf8')));
  if (!report.success) return undefined;
  const outputs = htmlFile.replace(/\.html$/, '.outputs.jsonl');
  const headAnswers =
    existsSync(outputs) && isWithin(root, realpathSync(outputs)) ? htmlAnswersInIdOrder(new RecordedAnswers(readFileSync(outputs))) : undefined;
  return [...renderHtmlReport(buildHtmlData({ head: report.data, headAnswers }))].join('');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, req?: IncomingMessage): void {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(req?.method === 'HEAD' ? undefined : body);
}
