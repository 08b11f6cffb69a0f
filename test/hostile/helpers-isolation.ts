import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliResult } from '../cli/harness.js';

/** Fake keys: no test may find them in any file a run leaves behind (isolation-zz-grep.test.ts). */
export const FAKE_OPENAI_KEY = 'sk-test-FAKEKEY-isolation-0123456789abcdef';
export const FAKE_ANTHROPIC_KEY = 'sk-ant-FAKE-isolation-0123456789abcdef';
/** What the grep looks for: the keys' distinctive starts, so a key cut in half is found too. */
export const FAKE_KEY_MARKS = ['sk-test-FAKEKEY', 'sk-ant-FAKE'];

const ROOT = path.join(tmpdir(), 'evals-hostile-isolation');
/** Every project this test file made, so its last test can grep them all. */
const made: string[] = [];

export const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');

export interface Item {
  id: string;
  input: string;
  reference: string;
  slices?: string[];
}

export const ITEMS: Item[] = Array.from({ length: 6 }, (_, i) => {
  const id = `i-0${i + 1}`;
  return { id, input: `Question ${id}?`, reference: `Answer ${id}`, slices: [i % 2 ? 'head' : 'long-tail'] };
});

/**
 * A project folder: a suite `s` over ITEMS with an `equals` check, the given candidates, and any
 * extra files. `config` is merged over the defaults.
 */
export function project(candidates: Record<string, unknown>, files: Record<string, string> = {}, config: Record<string, unknown> = {}): string {
  mkdirSync(ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'p-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'set.jsonl'), ITEMS.map((item) => JSON.stringify({ ...item, checks: [{ type: 'equals' }] })).join('\n'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const full = { suites: { s: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0 } } }, candidates, ...config };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(full, null, 2)};\n`);
  return dir;
}

/** A copy of a project (reports and all), so a prepared project serves several tests. */
export function copyProject(dir: string): string {
  const copy = mkdtempSync(path.join(ROOT, 'c-'));
  made.push(copy);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** sha256 of every file under reports/ (the committed baselines). */
export function reportHashes(dir: string): Record<string, string> {
  const reports = path.join(dir, 'reports');
  if (!existsSync(reports)) return {};
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(reports, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return hashes;
}

export const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  OPENAI_API_KEY: FAKE_OPENAI_KEY,
  ANTHROPIC_API_KEY: FAKE_ANTHROPIC_KEY,
  ...extra,
});

/** What a run printed is kept in the project's evals.log, so the grep for keys sees the logs too. */
function log(dir: string, argv: string[], out: { stdout: string; stderr: string }): void {
  appendFileSync(path.join(dir, 'evals.log'), `$ evals ${argv.join(' ')}\n${out.stdout}${out.stderr}`);
}

/** Runs the CLI in-process with the fake keys in its environment. */
export async function evals(dir: string, argv: string[], extraEnv: NodeJS.ProcessEnv = {}, interrupt?: AbortSignal): Promise<CliResult> {
  const result = await runCli(argv, dir, interrupt ?? new AbortController().signal, env(extraEnv));
  log(dir, argv, result);
  return result;
}

export interface Spawned {
  pid: number;
  kill(signal: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Runs bin/evals.js as a real process (for signals and process.exit), with the fake keys. */
export function spawnEvals(dir: string, argv: string[], extraEnv: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(process.execPath, [bin, ...argv], { cwd: dir, env: env(extraEnv), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return {
    pid: child.pid ?? -1,
    kill: (signal) => child.kill(signal),
    exited: new Promise((resolve) =>
      child.on('close', (code, signal) => {
        log(dir, argv, { stdout, stderr });
        resolve({ code, signal, stdout, stderr });
      }),
    ),
  };
}

/** Waits for a condition (a file a child writes, a process gone), polling; fails after `ms`. */
export async function waitFor(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * What every hostile case asserts besides its own point: the exit code, no stack trace, and no
 * committed report changed (sha256 before and after); a run that did not pass writes no new one.
 */
export function expectClean(result: { code: number | null; stdout: string; stderr: string }, code: number, before: Record<string, string>, dir: string): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).not.toMatch(/\n\s+at /);
  const after = reportHashes(dir);
  // New reports may appear: any on success, and the .new.* set beside the baseline of a run that may not replace it.
  for (const file of Object.keys(after)) if (!(file in before) && (code === 0 || /\.new\./.test(file))) delete after[file];
  expect(after).toEqual(before);
}

/** Files (reports, caches, journals, logs) of this test file's projects that hold a fake key. */
export function filesWithFakeKeys(): { files: number; leaks: string[] } {
  let files = 0;
  const leaks: string[] = [];
  for (const dir of made) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      files++;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      for (const key of FAKE_KEY_MARKS) if (text.includes(key)) leaks.push(`${file}: ${key}`);
    }
  }
  return { files, leaks };
}
