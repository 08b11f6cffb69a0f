import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * A path under the package root (package.json, bin/, templates/ ship there). The root is the
 * nearest folder above this module that holds a package.json, not a fixed `../..`: the module runs
 * from src/util/ when vitest runs the sources, and from a chunk under dist/ once bundled
 * (rolldown.config.mjs), at a depth the bundler chooses.
 */
export function packagePath(relative: string): string {
  root ??= packageRoot(path.dirname(fileURLToPath(import.meta.url)));
  return path.join(root, relative);
}

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`evals: no package.json in any folder above ${from}`);
  }
}
