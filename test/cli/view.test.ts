import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readHtmlReport } from '../../src/reports/html/embed.js';
import { runCli } from './harness.js';

const root = path.join(import.meta.dirname, '..', '..');
const SECRET = 'outside-the-reports-folder';

/** A raw GET: the path goes on the wire as written (fetch would normalise the `..` away). */
function get(url: string, rawPath: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), { path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** `evals view reports` in-process on a free port; resolves once it prints its address. */
async function startView(project: string): Promise<{ url: string; stop: AbortController; exit: Promise<number> }> {
  const stop = new AbortController();
  let stdout = '';
  const exit = main(['view', 'reports', '--port', '0'], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    cwd: project,
    env: {},
    interrupt: stop.signal,
  });
  await vi.waitFor(() => expect(stdout).toMatch(/http:\/\/127\.0\.0\.1:\d+\//), { timeout: 10_000 });
  return { url: /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0] ?? '', stop, exit };
}

describe('evals view', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'evals-view-'));
  const reports = path.join(project, 'reports');
  let view: Awaited<ReturnType<typeof startView>>;
  let url = '';

  beforeAll(async () => {
    mkdirSync(path.join(reports, 'support'), { recursive: true });
    for (const file of ['rag-v2.json', 'rag-v2.outputs.jsonl', 'prompt-only.json'])
      copyFileSync(path.join(root, 'reports/support', file), path.join(reports, 'support', file));
    writeFileSync(path.join(project, 'secret.txt'), SECRET);
    symlinkSync(project, path.join(reports, 'link'));
    view = await startView(project);
    url = view.url;
  });

  afterAll(async () => {
    view.stop.abort();
    await view.exit;
  });

  it('lists suites x candidates on its index, linking each HTML report', async () => {
    const index = await get(url, '/');
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/^text\/html/);
    expect(index.body).toContain('href="support/rag-v2.html"');
    expect(index.body).toContain('href="support/prompt-only.html"');
    expect(index.body).toMatch(/pass 0\.67 · 594 items/);
  });

  it('draws a report whose .html is not there from its .json and answers', async () => {
    const page = await get(url, '/support/rag-v2.html');
    expect(page.status).toBe(200);
    const data = readHtmlReport(page.body);
    expect(data.items).toHaveLength(594);
    expect(data.items.every((i) => i.head.answer !== undefined)).toBe(true);
    expect((await get(url, '/support/rag-v2.json')).type).toMatch(/^application\/json/);
  });

  it('serves nothing outside the folder: .. in any spelling, encoded separators, a symlink out', async () => {
    for (const raw of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/support/..%2f..%2fsecret.txt',
      '/support/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/link/secret.txt',
      '/%ff',
    ]) {
      const res = await get(url, raw);
      expect(res.status, raw).toBe(404);
      expect(res.body, raw).not.toContain(SECRET);
    }
    expect((await get(url, '/', 'POST')).status).toBe(405);
  });

  it('stops on Ctrl-C with exit 0', async () => {
    // A server of its own: the one the other tests ask stays up until they are done.
    const own = await startView(project);
    expect((await get(own.url, '/')).status).toBe(200);
    own.stop.abort();
    expect(await own.exit).toBe(0);
  });
});

describe('evals view, bad input', () => {
  it('a missing folder or a bad port is exit 2; --open under CI opens nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-view-bad-'));
    expect(await runCli(['view', 'nowhere'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/nowhere: no such folder/) });
    mkdirSync(path.join(dir, 'reports'));
    expect(await runCli(['view', '--port', '70000'], dir)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--port 70000: not a port/) });
    const stop = new AbortController();
    let out = '';
    const run = main(['view', '--open'], {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      cwd: dir,
      env: { CI: 'true' },
      interrupt: stop.signal,
    });
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/--open ignored: CI is set/);
    stop.abort();
    expect(await run).toBe(0);
  });
});
