import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'flatted';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ReportSchema } from '../../src/report-schema.js';

/**
 * examples/vitest as a team runs it: `vitest run` and `vitest --ui` in that folder, importing
 * evals-gate/vitest from this repository's dist/ (the package's own name). One process each.
 */

const root = path.join(import.meta.dirname, '..', '..');
const example = path.join(root, 'examples', 'vitest');
const vitestBin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const reportFile = path.join(example, 'reports', 'support', 'rag-v2.json');
const SUITE = 'support × rag-v2';

/** The sample's ids by slice, in file order; and the committed report's verdict per item. */
const sample = readFileSync(path.join(example, 'support.sample.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; slices: string[] });
const idsBySlice: Record<string, string[]> = {};
for (const { id, slices } of sample) (idsBySlice[slices[0] as string] ??= []).push(id);
const committed = ReportSchema.parse(JSON.parse(readFileSync(reportFile, 'utf8')));
const failedIds = committed.items
  .filter((item) => !item.pass)
  .map((item) => item.id)
  .sort();

/** No key reaches the example (its Claude judge then goes unscored) and no outer vitest state leaks in. */
function exampleEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !key.endsWith('_API_KEY')));
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** Each spawn runs the example's 20 items: seconds on a quiet machine, much longer on a busy one. */
const TIMEOUT_MS = 240_000;
const running = new Set<ChildProcess>();

/** A test that fails or times out still stops its vitest (and its workers, in its process group). */
afterEach(async () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  running.clear();
});

function startVitest(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = '';
  // Its own process group, so stopping it stops vitest's workers too.
  const child = spawn(process.execPath, [vitestBin, ...args], { cwd: example, env: exampleEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

interface JsonAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages: string[];
  meta: { evals?: { item: string; pass: boolean; scores: Record<string, number> } };
}

describe('examples/vitest', () => {
  it(
    'vitest run: a test per item under a describe per slice, failing exactly the items the report fails, with their reasons; the gate test passes',
    async () => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'evals-vitest-example-')), 'results.json');
      const before = readFileSync(reportFile, 'utf8');
      const run = startVitest(['run', '--reporter=json', `--outputFile=${out}`]);
      expect(await run.exited, run.output()).toBe(1);
      const results = JSON.parse(readFileSync(out, 'utf8')) as { testResults: Array<{ assertionResults: JsonAssertion[] }> };
      const tests = results.testResults.flatMap((file) => file.assertionResults);
      const items = tests.filter((t) => t.ancestorTitles[0] === SUITE && t.ancestorTitles.length === 2);

      const bySlice: Record<string, string[]> = {};
      for (const t of items) (bySlice[t.ancestorTitles[1] as string] ??= []).push(t.title);
      expect(bySlice).toEqual(idsBySlice);
      expect(
        items
          .filter((t) => t.status === 'failed')
          .map((t) => t.title)
          .sort(),
      ).toEqual(failedIds);
      for (const t of items) {
        const reportItem = committed.items.find((item) => item.id === t.title);
        expect(t.meta.evals).toMatchObject({ item: t.title, pass: reportItem?.pass, scores: reportItem?.scores });
        if (t.status === 'passed') continue;
        const [message] = t.failureMessages;
        expect(message).toMatch(new RegExp(`^EvalFailure: support/rag-v2 item ${t.title} failed:\n`));
        // Every reason the report gives is in the test's failure message.
        for (const failure of reportItem?.failures ?? []) expect(message).toContain(failure.slice(failure.indexOf(': ') + 2));
      }
      expect(tests.find((t) => t.ancestorTitles.join() === SUITE && t.title === 'gate')?.status).toBe('passed');
      // The unit-test style matchers of the example pass.
      expect(tests.filter((t) => t.ancestorTitles[0] === 'a refund answer').map((t) => t.status)).toEqual(['passed', 'passed']);
      // An unchanged candidate gated against the committed report passes and writes it again, byte for byte.
      expect(readFileSync(reportFile, 'utf8')).toBe(before);
    },
    TIMEOUT_MS,
  );

  it(
    'vitest --ui: the UI API on localhost serves the suite, grouped by slice, with each item verdict, reasons and annotation',
    async () => {
      const port = await freePort();
      // --watch: without a terminal vitest would not watch, and it serves its API only when watching.
      const ui = startVitest(['--ui', '--watch', '--open=false', `--api.port=${port}`, '--api.strictPort', '--reporter=dot']);
      const base = `http://localhost:${port}/__vitest__/`;
      const html = await waitFor(async () => {
        const response = await fetch(base).catch(() => undefined);
        return response?.ok ? response.text() : undefined;
      }, ui);
      const token = /VITEST_API_TOKEN = ("[^"]+")/.exec(html)?.[1];
      expect(token, 'the UI page carries the API token').toBeDefined();
      const api = await connect(`ws://localhost:${port}/__vitest_api__?token=${encodeURIComponent(JSON.parse(token as string) as string)}`);
      try {
        const suite = await waitFor(async () => {
          const files = (await api.call('getFiles')) as UiTask[];
          const found = files.flatMap((file) => file.tasks).find((task) => task.name === SUITE);
          return found && everyTest(found).every((t) => t.result?.state === 'pass' || t.result?.state === 'fail') ? found : undefined;
        }, ui);
        const slices = suite.tasks.filter((task) => task.type === 'suite');
        expect(Object.fromEntries(slices.map((slice) => [slice.name, slice.tasks.map((t) => t.name)]))).toEqual(idsBySlice);
        const tests = slices.flatMap((slice) => slice.tasks);
        expect(
          tests
            .filter((t) => t.result?.state === 'fail')
            .map((t) => t.name)
            .sort(),
        ).toEqual(failedIds);
        const failed = tests.find((t) => t.result?.state === 'fail');
        expect(failed?.result?.errors?.[0]?.message).toContain(`support/rag-v2 item ${failed?.name} failed:`);
        for (const t of tests) {
          expect(t.meta?.evals?.item).toBe(t.name);
          expect(t.annotations?.[0]?.message).toMatch(/^(passed|failed) · pass (1|0)\.00/);
        }
        expect(suite.tasks.find((task) => task.name === 'gate')?.annotations?.[0]?.message).toContain('gate: passed');
      } finally {
        api.close();
      }
    },
    TIMEOUT_MS,
  );
});

interface UiTask {
  name: string;
  type: 'suite' | 'test';
  tasks: UiTask[];
  result?: { state?: string; errors?: Array<{ message: string }> };
  meta?: { evals?: { item: string } };
  annotations?: Array<{ message: string }>;
}

function everyTest(task: UiTask): UiTask[] {
  return task.type === 'test' ? [task] : task.tasks.flatMap(everyTest);
}

/** Polls `probe` until it gives a value; fails with vitest's output if the process ends first. */
async function waitFor<T>(probe: () => Promise<T | undefined>, ui: { output: () => string; child: ChildProcess }): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (ui.child.exitCode !== null || ui.child.signalCode !== null) throw new Error(`vitest --ui ended:\n${ui.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The UI's API: birpc over a WebSocket, messages in flatted (vitest's own client speaks the same). */
async function connect(url: string): Promise<{ call(method: string, ...args: unknown[]): Promise<unknown>; close(): void }> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const pending = new Map<string, (message: { r?: unknown; e?: unknown }) => void>();
  socket.on('message', (data: Buffer) => {
    const message = parse(data.toString()) as { t: string; i?: string; r?: unknown; e?: unknown };
    if (message.t === 's' && message.i) pending.get(message.i)?.(message);
  });
  let next = 0;
  return {
    call: (method, ...args) =>
      new Promise((resolve, reject) => {
        const id = `call-${(next += 1)}`;
        pending.set(id, (message) => (message.e ? reject(new Error(String(message.e))) : resolve(message.r)));
        socket.send(stringify({ t: 'q', i: id, m: method, a: args }));
      }),
    close: () => socket.close(),
  };
}
