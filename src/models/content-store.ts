import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY = /^[0-9a-f]{64}$/;

/**
 * Content-addressed JSON on disk: `<dir>/<namespace>/<first 2 hex>/<sha256>.json`. Entries are
 * written with asynchronous I/O (other calls go on meanwhile; each folder is created once) and
 * atomically (temp file, then rename), so a concurrent or interrupted run never leaves a torn
 * entry; an unreadable entry is a miss. The caller builds keys from everything that determines
 * the value and nothing secret.
 */
export class ContentStore {
  private readonly folders = new Map<string, Promise<unknown>>();
  /** The keys on disk, listed once: a miss then costs no failed open (a first run misses every time). */
  private index: Promise<Set<string>> | undefined;

  constructor(
    readonly dir: string,
    readonly namespace: string,
  ) {}

  fileFor(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a content key: ${key}`);
    return path.join(this.dir, this.namespace, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<unknown> {
    this.index ??= this.list();
    if (!(await this.index).has(key)) return undefined;
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

  /** Writes an entry without blocking the event loop; awaiting it means the entry is on disk. */
  async set(key: string, value: unknown): Promise<void> {
    await this.write(this.fileFor(key), `${JSON.stringify(value, null, 2)}\n`);
    if (this.index) (await this.index).add(key);
  }

  private async list(): Promise<Set<string>> {
    const root = path.join(this.dir, this.namespace);
    const keys = new Set<string>();
    let prefixes: string[];
    try {
      prefixes = await readdir(root);
    } catch {
      return keys;
    }
    for (const prefix of prefixes) {
      const names = await readdir(path.join(root, prefix)).catch(() => [] as string[]);
      for (const name of names) if (name.endsWith('.json')) keys.add(name.slice(0, -'.json'.length));
    }
    return keys;
  }

  private async write(file: string, content: string): Promise<void> {
    const folder = path.dirname(file);
    let made = this.folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      this.folders.set(folder, made);
    }
    await made;
    const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(temp, content);
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
}
