import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forcedToolName, startAnthropicServer, toolUseReply, type AnthropicServer } from '../servers/anthropic-server.js';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');
const KEY = 'sk-ant-test-resume-0123456789';
const ITEMS = 30;

/** A project whose every item is judged by a Claude judge on the loopback server (50 ms per call). */
function project(origin: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-resume-'));
  mkdirSync(path.join(dir, 'rubrics'));
  writeFileSync(
    path.join(dir, 'rubrics', 'quality.md'),
    '---\nid: quality\nscale: binary\ncriteria:\n  - name: correct\n    description: The answer is right.\n---\nJudge whether the answer is right.\n',
  );
  const rows = Array.from({ length: ITEMS }, (_, i) => ({
    id: `q-${String(i).padStart(2, '0')}`,
    input: `Question q-${String(i).padStart(2, '0')}?`,
    slices: [i % 3 ? 'head' : 'long-tail'],
  }));
  writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(path.join(dir, 'candidate.mjs'), 'export default async (item) => ({ text: `Answer to ${item.id}` });\n');
  const config = {
    suites: { s: { goldenSets: ['set.jsonl'], judge: 'claude', rubrics: ['quality'] } },
    judges: { claude: { provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: origin } },
    candidates: { c: { kind: 'prompt', adapter: { type: 'module', path: 'candidate.mjs' }, concurrency: 2 } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  return dir;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the CLI as a real process; `stopWhen` decides when to send `stopWith`. */
function evals(dir: string, stopWhen?: () => boolean, stopWith: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'run', '--candidate', 'c', '--quiet'], {
      cwd: dir,
      env: { PATH: process.env.PATH, ANTHROPIC_API_KEY: KEY },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = stopWhen
      ? setInterval(() => {
          if (stopWhen()) {
            clearInterval(timer);
            child.kill(stopWith);
          }
        }, 5)
      : undefined;
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

const itemOf = (body: string) => /q-\d\d/.exec(body)?.[0] ?? '?';

/** Item ids the journal holds (what the run had finished when it stopped). */
function journaled(dir: string): string[] {
  const runs = path.join(dir, '.evals-runs', 's');
  // Only the journals (*.jsonl): the lock and the candidate-code record sit beside them.
  return readdirSync(runs)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(path.join(runs, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .flatMap((l) => {
          try {
            return [(JSON.parse(l) as { itemId: string }).itemId];
          } catch {
            return [];
          }
        }),
    );
}

describe('resume after kill -9 and after Ctrl-C, with a judge on a loopback server', () => {
  let server: AnthropicServer;
  let reference: string;
  beforeAll(async () => {
    server = await startAnthropicServer((req) => toolUseReply(forcedToolName(req) ?? 'rubric_verdict', { reasoning: 'fine', score: 1 }, { delayMs: 50 }));
    const dir = project(server.origin);
    const clean = await evals(dir);
    expect(clean.code).toBe(0);
    reference = readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8');
  });
  afterAll(() => server.close());

  it.each([['SIGKILL' as const], ['SIGINT' as const]])('after %s halfway, the rerun writes the same report and pays no call twice', async (sig) => {
    const dir = project(server.origin);
    const before = server.requests.length;
    const calls = () => server.requests.slice(before).map((r) => itemOf(r.rawBody));
    const stopped = await evals(dir, () => calls().length >= ITEMS / 2, sig);
    if (sig === 'SIGKILL') expect(stopped.signal).toBe('SIGKILL');
    else {
      expect(stopped.code).toBe(3);
      expect(stopped.stderr).toMatch(/Interrupted: \d+\/30 items of s\/c are done/);
    }
    const done = journaled(dir);
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(ITEMS);

    const resumed = await evals(dir);
    expect(resumed.code).toBe(0);
    expect(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')).toBe(reference);
    const all = calls();
    for (const id of done) expect(all.filter((c) => c === id)).toHaveLength(1);
    expect(new Set(all).size).toBe(ITEMS);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain(KEY);
  });
});
