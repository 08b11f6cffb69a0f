import { createRequire } from 'node:module';

let loaded: typeof import('yaml') | undefined;

/**
 * The yaml package, required on first use rather than imported: it is CommonJS and takes about a
 * tenth of a second to load, which a run whose config is JavaScript and whose rubrics folder is
 * empty should not pay (src/config/data-config.ts, src/scoring/judges/rubrics.ts).
 */
export function yaml(): typeof import('yaml') {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return loaded;
}
