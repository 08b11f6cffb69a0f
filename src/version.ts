import { readFileSync } from 'node:fs';

/** This package's version, read from package.json (dist/ and src/ sit one level below it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
