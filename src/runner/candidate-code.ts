import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CandidateConfig } from '../config/schema.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** File (relative to the config folder) -> sha256 of its content. */
const CodeSchema = z.record(z.string(), z.string());
export type CandidateCode = z.infer<typeof CodeSchema>;

const SCRIPT = /\.(c|m)?(j|t)sx?$/;
/** Relative specifiers of static imports, re-exports, dynamic imports and requires. */
const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];
/** Enough for any candidate's own code; a bound so a pathological import graph stays cheap. */
const MAX_FILES = 200;

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A relative import as Node or TypeScript resolves it (`./x.js` may be `./x.ts` on disk). */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(c|m)?js$/, '');
  for (const candidate of [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => stem + ext)]) {
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** Hashes `entry` and, for JS/TS, the local files it imports, transitively, inside `root`. */
function hashTree(entry: string, root: string, into: CandidateCode): void {
  const queue = [entry];
  while (queue.length > 0 && Object.keys(into).length < MAX_FILES) {
    const file = queue.shift() as string;
    const key = path.relative(root, file);
    if (key in into || key.startsWith('..') || path.isAbsolute(key)) continue;
    const content = readFileSync(file);
    into[key] = createHash('sha256').update(content).digest('hex');
    if (!SCRIPT.test(file)) continue;
    for (const match of content.toString('utf8').matchAll(LOCAL_IMPORT)) {
      const next = resolveLocal(file, match[1] ?? '');
      if (next) queue.push(next);
    }
  }
}

/**
 * The candidate's own code, as far as the harness can see it: a module candidate's file and its
 * local imports; for a command, every argument that names a file in the project (the script),
 * with its local imports when it is JS/TS. Installed packages and programs on PATH are not
 * covered (their versions are the lockfile's business).
 */
export function candidateCode(configDir: string, candidate: CandidateConfig): CandidateCode {
  const code: CandidateCode = {};
  const options = candidate.adapter.options as { path?: unknown; command?: unknown; cwd?: unknown };
  if (candidate.adapter.type === 'module' && typeof options.path === 'string') {
    const file = path.resolve(configDir, options.path);
    if (isFile(file)) hashTree(file, configDir, code);
  }
  if (candidate.adapter.type === 'command' && Array.isArray(options.command)) {
    const cwd = path.resolve(configDir, typeof options.cwd === 'string' ? options.cwd : '.');
    for (const arg of options.command) {
      if (typeof arg !== 'string') continue;
      const file = path.resolve(cwd, arg);
      if (isFile(file) && !path.relative(configDir, file).startsWith('..')) hashTree(file, configDir, code);
    }
  }
  return code;
}

/** Files added, removed or changed between two snapshots, sorted. */
export function codeChanges(before: CandidateCode, after: CandidateCode): string[] {
  const files = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...files].filter((file) => before[file] !== after[file]).sort();
}

/**
 * Beside a journal: the candidate code its answers came from. `changedSince` says which files
 * differ from the recorded snapshot (none when there is no journal to resume).
 */
export class CodeRecord {
  constructor(readonly file: string) {}

  changedSince(code: CandidateCode): string[] {
    if (!existsSync(this.file)) return [];
    let recorded: CandidateCode;
    try {
      recorded = CodeSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // Unreadable: nothing says what the journal's answers came from.
      return ["(the record of the earlier run's code is unreadable)"];
    }
    return codeChanges(recorded, code);
  }

  write(code: CandidateCode): void {
    writeFileAtomic(this.file, `${JSON.stringify(code)}\n`);
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}
