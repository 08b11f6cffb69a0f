// `npm run bench`: the harness against the floor, on a loopback OpenAI-compatible server.
// Prints figures; asserts nothing (tests never assert on wall time). See README "Performance".
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { completionReply, startOpenAIServer } from '../test/servers/openai-server.js';

const root = path.join(import.meta.dirname, '..');
const measure = path.join(root, 'bench', 'measure.mjs');
const CONCURRENCY = 32;

interface Timed {
  ms: number;
  maxRssMb: number;
  code: number | null;
}

/** A project with n items and one OpenAI-compatible candidate pointed at the server. */
function project(n: number, baseURL: string, concurrency: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), `evals-bench-${n}-`));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ id: `item-${i}`, input: `What is item ${i}?`, slices: [i % 10 === 0 ? 'long-tail' : 'head'], checks: [{ type: 'contains', values: ['answer'] }] }));
  }
  writeFileSync(path.join(dir, 'set.jsonl'), `${lines.join('\n')}\n`);
  const config = {
    concurrency,
    suites: { bench: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0 } } },
    candidates: { model: { kind: 'prompt', adapter: { type: 'openai', model: 'bench-model', baseURL, maxRetries: 0 } } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  return dir;
}

function cli(args: string[], cwd: string): Promise<Timed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [measure, ...args], { cwd, env: { ...process.env, OPENAI_API_KEY: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => {
      const kb = Number(/bench:maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
      if (code !== 0) process.stderr.write(stderr.slice(-2000));
      resolve({ ms: performance.now() - started, maxRssMb: kb / 1024, code });
    });
  });
}

/** The floor: the same requests with a bare fetch loop at the same concurrency. */
async function rawFloor(n: number, baseURL: string, concurrency: number): Promise<number> {
  const limit = pLimit(concurrency);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      limit(async () => {
        const response = await fetch(`${baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer no-key-needed' },
          body: JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: `What is item ${i}?` }], max_completion_tokens: 1024, temperature: 0 }),
        });
        await response.json();
      }),
    ),
  );
  return performance.now() - started;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows: string[][] = [];
const row = (figure: string, value: string, target: string, met: boolean | undefined) => rows.push([figure, value, target, met === undefined ? '' : met ? 'met' : 'MISSED']);

const fast = await startOpenAIServer(() => completionReply('the answer'));
const raw = await rawFloor(10_000, fast.baseURL, CONCURRENCY);
const p10k = project(10_000, fast.baseURL, CONCURRENCY);
const h10k = await cli(['run', '--candidate', 'model', '--quiet'], p10k);
row(`harness vs raw fetch floor, 10k items, concurrency ${CONCURRENCY}`, `${fmt(h10k.ms)} vs ${fmt(raw)} = ${(h10k.ms / raw).toFixed(2)}x`, '<= 1.3x', h10k.ms / raw <= 1.3);
row('peak RSS, 10k items', `${h10k.maxRssMb.toFixed(0)} MB`, '<= 200 MB', h10k.maxRssMb <= 200);
const cached = await cli(['run', '--candidate', 'model', '--quiet'], p10k);
row('fully cached rerun, 10k items', fmt(cached.ms), '<= 2 s', cached.ms <= 2000);
// What the runner itself costs, without any HTTP or SDK: a module candidate answering at once.
const pModule = project(10_000, fast.baseURL, CONCURRENCY);
writeFileSync(path.join(pModule, 'answer.mjs'), "export default async () => ({ text: 'the answer' });\n");
const moduleConfig = { concurrency: CONCURRENCY, suites: { bench: { goldenSets: ['set.jsonl'] } }, candidates: { model: { kind: 'prompt', adapter: { type: 'module', path: 'answer.mjs' } } } };
writeFileSync(path.join(pModule, 'evals.config.mjs'), `export default ${JSON.stringify(moduleConfig)};\n`);
const hModule = await cli(['run', '--candidate', 'model', '--quiet'], pModule);
row('runner alone: 10k items through a module candidate (no HTTP, no SDK)', `${fmt(hModule.ms)}, ${hModule.maxRssMb.toFixed(0)} MB`, '(context)', undefined);
const p100k = project(100_000, fast.baseURL, CONCURRENCY);
const h100k = await cli(['run', '--candidate', 'model', '--quiet'], p100k);
row('peak RSS, 100k items', `${h100k.maxRssMb.toFixed(0)} MB (${fmt(h100k.ms)})`, '<= 300 MB', h100k.maxRssMb <= 300);
await fast.close();

const helpTimes: number[] = [];
for (let i = 0; i < 7; i++) {
  const started = performance.now();
  await new Promise((resolve) => spawn(process.execPath, [path.join(root, 'bin', 'evals.js'), '--help'], { stdio: 'ignore' }).on('exit', resolve));
  helpTimes.push(performance.now() - started);
}
const helpMs = helpTimes.sort((a, b) => a - b)[3] ?? NaN;
row('`evals --help` start-up (median of 7)', `${helpMs.toFixed(0)} ms`, '<= 200 ms', helpMs <= 200);

const LATENCY = 50;
const N_SLOW = 2_000;
const C_SLOW = 50;
const slow = await startOpenAIServer(() => ({ ...completionReply('the answer'), delayMs: LATENCY }));
const pSlow = project(N_SLOW, slow.baseURL, C_SLOW);
const hSlow = await cli(['run', '--candidate', 'model', '--quiet'], pSlow);
const ideal = (N_SLOW * LATENCY) / C_SLOW;
row(`latency-bound: ${N_SLOW} items x ${LATENCY} ms at concurrency ${C_SLOW}`, `${fmt(hSlow.ms)} vs ideal ${fmt(ideal)} = ${(hSlow.ms / ideal).toFixed(2)}x`, '<= 1.1x', hSlow.ms / ideal <= 1.1);
await slow.close();

const failed = [h10k, cached, hModule, h100k, hSlow].filter((t) => t.code !== 0).length;
console.log(`# evals bench (${process.platform}-${process.arch}, node ${process.version})\n`);
console.log('| figure | measured | target | |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
if (failed > 0) console.log(`\n${failed} harness run(s) did not exit 0: the figures above are not valid`);
