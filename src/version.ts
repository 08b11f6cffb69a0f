import { readFileSync } from 'node:fs';
import { packagePath } from './util/package-path.js';

/** This package's version, read from its package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
