import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GITIGNORE_LINES, INIT_FILES, TEMPLATES_DIR } from './files.js';

export interface ScaffoldResult {
  /** Targets written, relative to the folder. */
  written: string[];
  /** Targets that existed already and were left as they were. */
  skipped: string[];
  /** Lines appended to .gitignore (created when absent). */
  ignored: string[];
}

/** Writes the starter project into `dir`, never touching a file that exists (only .gitignore gains missing lines). */
export function scaffold(dir: string): ScaffoldResult {
  const result: ScaffoldResult = { written: [], skipped: [], ignored: [] };
  for (const { template, target } of INIT_FILES) {
    const file = path.join(dir, target);
    if (existsSync(file)) {
      result.skipped.push(target);
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    // 'wx' fails instead of overwriting should the file appear between the check and the write.
    writeFileSync(file, readFileSync(path.join(TEMPLATES_DIR, template)), { flag: 'wx' });
    result.written.push(target);
  }
  result.ignored = appendGitignore(path.join(dir, '.gitignore'));
  return result;
}

function appendGitignore(file: string): string[] {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !present.has(line));
  if (missing.length === 0) return [];
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  appendFileSync(file, `${separator}# evals: dependencies, local caches and journals, per-run files\n${missing.join('\n')}\n`);
  return missing;
}
