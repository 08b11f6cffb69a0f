import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';

const KEY = /^[0-9a-f]{64}$/;

/**
 * Content-addressed JSON on disk: `<dir>/<namespace>/<first 2 hex>/<sha256>.json`, written
 * atomically, so a concurrent or interrupted run never leaves a torn entry; an unreadable entry
 * is a miss. The caller builds keys from everything that determines the value and nothing secret.
 */
export class ContentStore {
  constructor(
    readonly dir: string,
    readonly namespace: string,
  ) {}

  fileFor(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a content key: ${key}`);
    return path.join(this.dir, this.namespace, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.fileFor(key), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    writeFileAtomic(this.fileFor(key), `${JSON.stringify(value, null, 2)}\n`);
  }
}
