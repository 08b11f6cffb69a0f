import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { byCodePoint } from '../util/compare.js';

/**
 * The key of the Action's `.evals-cache` (answers and verdicts): a hash of what they depend on
 * that lives in files — the config, the golden sets of the suites run, and the rubrics. action.yml
 * adds the run id, restores the newest entry of the same hash (else of the prefix) and saves anew.
 */
export function cacheKey(loaded: LoadedConfig, suites: readonly string[], prefix: string): string {
  const names = suites.length > 0 ? suites : Object.keys(loaded.config.suites);
  const files = new Set<string>([loaded.file]);
  for (const suite of names) for (const file of loaded.config.suites[suite]?.goldenSets ?? []) files.add(loaded.resolve(file));
  for (const file of filesUnder(loaded.resolve(loaded.config.rubricsDir))) files.add(file);
  const hash = createHash('sha256');
  for (const file of [...files].sort(byCodePoint)) {
    hash.update(`${path.relative(loaded.dir, file)}\u0000`);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    hash.update('\u0000');
  }
  return `${prefix}${hash.digest('hex').slice(0, 32)}`;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile());
}
