import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { copyFixture, runCli, type CliResult } from '../cli/harness.js';

export { runCli, type CliResult };

/** A stack trace line, which no user mistake or fault may print. */
export const STACK = /\n\s+at /;

/**
 * A project for hostile tests: the mini fixture plus `count.mjs`, a module candidate that answers
 * each item with its reference, logs every call to calls.log, and throws for the ids listed in
 * fail.txt (one per line). Suites: `mini` (maxErrors 0) and `lenient` (maxErrors 10).
 */
export function hostileProject(): string {
  const dir = copyFixture('mini');
  writeFileSync(
    path.join(dir, 'count.mjs'),
    [
      "import { appendFileSync, existsSync, readFileSync } from 'node:fs';",
      'const here = (name) => new URL(name, import.meta.url);',
      'export default async function count(item) {',
      "  appendFileSync(here('calls.log'), `${item.id}\\n`);",
      "  const failing = existsSync(here('fail.txt')) ? readFileSync(here('fail.txt'), 'utf8').split('\\n') : [];",
      '  if (failing.includes(item.id)) throw new Error(`upstream refused ${item.id}`);',
      "  return { text: item.reference ?? '' };",
      '}',
      '',
    ].join('\n'),
  );
  const config = readFileSync(path.join(dir, 'evals.config.ts'), 'utf8').replace(
    'candidates: {',
    "candidates: {\n    count: { kind: 'prompt', adapter: { type: 'module', path: 'count.mjs' } },",
  );
  writeFileSync(path.join(dir, 'evals.config.ts'), config);
  // Only the well-behaved items: the command candidate's faults are not needed here.
  writeFileSync(path.join(dir, 'mini.jsonl'), readFileSync(path.join(dir, 'mini.jsonl'), 'utf8').split('\n').slice(0, 4).join('\n') + '\n');
  return dir;
}

export function calls(dir: string): string[] {
  const file = path.join(dir, 'calls.log');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

export function failItems(dir: string, ids: string[]): void {
  writeFileSync(path.join(dir, 'fail.txt'), ids.join('\n'));
}

/** sha256 of every file under reports/ (and the project root's own files), to prove nothing committed changed. */
export function snapshot(dir: string, under = 'reports'): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else hashes.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  };
  walk(path.join(dir, under));
  return hashes;
}

/** The committed report set of one suite x candidate, as sha256 by file (absent files left out). */
export function committed(dir: string, suite = 'mini', candidate = 'count'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ext of ['json', 'md', 'run.json', 'outputs.jsonl']) {
    const file = path.join(dir, 'reports', suite, `${candidate}.${ext}`);
    if (existsSync(file)) out[ext] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

/** Every hostile case ends like this: the documented exit code, the message, and no stack trace. */
export function expectEnd(result: CliResult, code: number, message?: RegExp): void {
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK);
  expect(all).not.toMatch(/internal error/);
  if (message) expect(all).toMatch(message);
  expect(result.code, all).toBe(code);
}

export function write(dir: string, file: string, content: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}

export function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), 'utf8');
}

/** The baseline of suite mini for the `count` candidate, made by a clean run. */
export async function withBaseline(dir: string): Promise<Record<string, string>> {
  expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--quiet'], dir), 0);
  const before = committed(dir);
  expect(Object.keys(before)).toEqual(['json', 'md', 'run.json', 'outputs.jsonl']);
  return before;
}
