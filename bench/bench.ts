// `npm run bench`: the CLI against the floor, on a loopback OpenAI-compatible server (echo, one
// `contains` check per item, concurrency 50). The floor and the CLI are both spawned processes,
// timed the same way from here, in pairs (floor, CLI, floor, CLI, ...), and each ratio is taken
// within its pair, so a machine whose speed drifts still compares like with like; medians are
// quoted. Prints figures and targets; asserts nothing (tests never assert on wall time).
// BENCH_RUNS=<n> sets the pairs (default 3); BENCH_PROMPTFOO=<path to promptfoo's bin> adds a
// promptfoo column for the 10k row. Every temp folder is removed at the end. See README "Performance".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const measure = path.join(root, 'bench', 'measure.mjs');
const floorScript = path.join(root, 'bench', 'floor.mjs');
const CONCURRENCY = 50;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const PROMPTFOO = process.env['BENCH_PROMPTFOO'];
const temps: string[] = [];

interface Timed {
  ms: number;
  maxRssMb: number;
  code: number | null;
  stderr: string;
}

/** A loopback Chat Completions server that answers every request alike and records nothing. */
async function startServer(delayMs: number): Promise<{ baseURL: string; server: Server }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      const body = JSON.stringify({
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'bench-model',
        choices: [{ index: 0, message: { role: 'assistant', content: 'the answer', refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      });
      const reply = () => res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${n}` }).end(body);
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  });
  // Idle keep-alive sockets stay open longer than any gap in a run: a socket the server closes just
  // as a client reuses it fails that request ("other side closed"), in the floor as in the CLI.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}

function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `evals-bench-${label}-`));
  temps.push(dir);
  return dir;
}

function itemsFile(dir: string, n: number): void {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        id: `item-${i}`,
        input: `What is item ${i}?`,
        slices: [i % 10 === 0 ? 'long-tail' : 'head'],
        checks: [{ type: 'contains', values: ['answer'] }],
      }),
    );
  }
  writeFileSync(path.join(dir, 'set.jsonl'), `${lines.join('\n')}\n`);
}

/** A project with n items and one OpenAI-compatible candidate pointed at the server. */
function project(n: number, baseURL: string): string {
  const dir = tempDir(String(n));
  itemsFile(dir, n);
  const config = {
    concurrency: CONCURRENCY,
    suites: { bench: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0 } } },
    candidates: { model: { kind: 'prompt', adapter: { type: 'openai', model: 'bench-model', baseURL, maxRetries: 0 } } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  return dir;
}

/** Runs a process, timing it from spawn to exit; its peak RSS comes from its own last stderr line. */
function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(args[0] as string, args.slice(1), { cwd, env: { ...process.env, OPENAI_API_KEY: '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('exit', (code) => {
      const kb = Number(/bench:maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
      if (code !== 0) process.stderr.write(`${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}\n`);
      resolve({ ms: performance.now() - started, maxRssMb: kb / 1024, code, stderr });
    });
  });
}

const cli = (dir: string, ...flags: string[]) => timed([process.execPath, measure, 'run', '--candidate', 'model', '--quiet', ...flags], dir);
const floor = (n: number, baseURL: string) => timed([process.execPath, floorScript, String(n), baseURL, String(CONCURRENCY)], root);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

interface Row {
  figure: string;
  floor: string;
  evals: string;
  promptfoo?: string;
  target: string;
  met: boolean | undefined;
}
const rows: Row[] = [];
const all: Timed[] = [];

/** Floor and CLI in pairs; a fresh cache for each CLI run unless `keepCache`. */
async function paired(n: number, baseURL: string, dir: string): Promise<{ floor: Timed[]; cli: Timed[]; ratios: number[] }> {
  const floors: Timed[] = [];
  const clis: Timed[] = [];
  for (let r = 0; r < RUNS; r++) {
    floors.push(await floor(n, baseURL));
    rmSync(path.join(dir, '.evals-cache'), { recursive: true, force: true });
    clis.push(await cli(dir));
  }
  all.push(...floors, ...clis);
  return { floor: floors, cli: clis, ratios: clis.map((c, i) => c.ms / (floors[i] as Timed).ms) };
}

/** promptfoo on the same items and server: its documented CLI, one `contains` assertion per test. */
async function promptfoo(bin: string, n: number, baseURL: string): Promise<Timed> {
  const dir = tempDir('promptfoo');
  const tests = Array.from({ length: n }, (_, i) => JSON.stringify({ vars: { input: `What is item ${i}?` } }));
  writeFileSync(path.join(dir, 'tests.jsonl'), `${tests.join('\n')}\n`);
  const config = {
    prompts: ['{{input}}'],
    providers: [{ id: 'openai:chat:bench-model', config: { apiBaseUrl: baseURL, apiKey: 'no-key-needed', temperature: 0, max_tokens: 1024 } }],
    defaultTest: { assert: [{ type: 'contains', value: 'answer' }] },
    tests: 'file://tests.jsonl',
  };
  writeFileSync(path.join(dir, 'promptfooconfig.json'), JSON.stringify(config));
  const started = performance.now();
  const run = await timed(
    [
      '/usr/bin/env',
      'sh',
      '-c',
      `"$0" eval -c promptfooconfig.json --max-concurrency ${CONCURRENCY} --no-cache --no-write --no-table --no-progress-bar >/dev/null`,
      bin,
    ],
    dir,
    {
      PROMPTFOO_DISABLE_TELEMETRY: '1',
      PROMPTFOO_DISABLE_UPDATE: '1',
    },
  );
  return { ...run, ms: performance.now() - started };
}

try {
  const fast = await startServer(0);
  const p10k = project(10_000, fast.baseURL);
  const ten = await paired(10_000, fast.baseURL, p10k);
  const warnings = ten.cli.flatMap((t) => t.stderr.split('\n').filter((l) => /Warning/.test(l)));
  const pf = PROMPTFOO ? await promptfoo(PROMPTFOO, 10_000, fast.baseURL) : undefined;
  const ratio = median(ten.ratios);
  const floorMs = median(ten.floor.map((t) => t.ms));
  rows.push({
    figure: '10k items, wall',
    floor: sec(floorMs),
    evals: `${sec(median(ten.cli.map((t) => t.ms)))} = ${ratio.toFixed(2)}x`,
    ...(pf ? { promptfoo: `${sec(pf.ms)} = ${(pf.ms / floorMs).toFixed(1)}x${pf.code === 0 ? '' : ` (exit ${pf.code})`}` } : {}),
    target: '<= 1.3x the floor',
    met: ratio <= 1.3,
  });
  const rss10k = median(ten.cli.map((t) => t.maxRssMb));
  rows.push({
    figure: '10k peak RSS',
    floor: mb(median(ten.floor.map((t) => t.maxRssMb))),
    evals: mb(rss10k),
    ...(pf ? { promptfoo: '(not measured)' } : {}),
    target: '<= 200 MB',
    met: rss10k <= 200,
  });
  rows.push({
    figure: 'warnings printed by a 10k run',
    floor: '',
    evals: warnings.length === 0 ? 'none' : (warnings[0] ?? ''),
    target: 'none',
    met: warnings.length === 0,
  });

  // Cached reruns: the cache the last paired run wrote; nothing is called.
  const cached: Timed[] = [];
  for (let r = 0; r < RUNS; r++) cached.push(await cli(p10k));
  all.push(...cached);
  const cachedMs = median(cached.map((t) => t.ms));
  rows.push({ figure: 'cached 10k rerun', floor: '', evals: sec(cachedMs), target: '<= 1.5 s', met: cachedMs <= 1500 });

  const p100k = project(100_000, fast.baseURL);
  const big = await cli(p100k);
  all.push(big);
  rows.push({ figure: '100k peak RSS', floor: '', evals: `${mb(big.maxRssMb)} (${sec(big.ms)})`, target: '<= 300 MB', met: big.maxRssMb <= 300 });
  fast.server.close();

  const LATENCY = 50;
  const N_SLOW = 2_000;
  const slow = await startServer(LATENCY);
  const pSlow = project(N_SLOW, slow.baseURL);
  const latency = await paired(N_SLOW, slow.baseURL, pSlow);
  const slowRatio = median(latency.ratios);
  rows.push({
    figure: `${N_SLOW} x ${LATENCY} ms at C=${CONCURRENCY} (ideal ${sec((N_SLOW * LATENCY) / CONCURRENCY)})`,
    floor: sec(median(latency.floor.map((t) => t.ms))),
    evals: `${sec(median(latency.cli.map((t) => t.ms)))} = ${slowRatio.toFixed(2)}x`,
    target: "<= 1.1x the floor's own time",
    met: slowRatio <= 1.1,
  });
  slow.server.close();

  const help: number[] = [];
  for (let i = 0; i < 7; i++) help.push((await timed([process.execPath, path.join(root, 'bin', 'evals.js'), '--help'], root)).ms);
  const helpMs = median(help);
  rows.push({ figure: '`evals --help` start-up', floor: '', evals: `${helpMs.toFixed(0)} ms`, target: '<= 200 ms', met: helpMs <= 200 });

  const failed = all.filter((t) => t.code !== 0).length;
  console.log(`# evals bench (${process.platform}-${process.arch}, node ${process.version}; medians of ${RUNS}, ratios within pairs)\n`);
  const head = ['figure', 'raw fetch floor', 'evals', ...(pf ? ['promptfoo'] : []), 'target', ''];
  console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) {
    const cells = [r.figure, r.floor || '—', r.evals, ...(pf ? [r.promptfoo ?? '—'] : []), r.target, r.met === undefined ? '' : r.met ? 'met' : 'MISSED'];
    console.log(`| ${cells.join(' | ')} |`);
  }
  if (failed > 0) console.log(`\n${failed} run(s) did not exit 0: the figures above are not valid`);
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
