import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** What each help page declares in its front matter; `views` is how often the page is read. */
const FrontMatterSchema = z.object({ title: z.string().min(1), views: z.number().int().nonnegative() });

export interface Doc {
  /** Path relative to the docs folder, e.g. "billing/refunds.md": the id golden items cite. */
  id: string;
  title: string;
  views: number;
  /** Markdown after the front matter. */
  body: string;
}

/** A section of a page (its `##` heading and the text under it): the unit rag-v2 retrieves. */
export interface Passage {
  docId: string;
  heading: string;
  text: string;
}

export const DOCS_DIR = fileURLToPath(new URL('../docs/', import.meta.url));

export function parseDoc(id: string, raw: string): Doc {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw);
  if (!match) throw new Error(`${id}: missing YAML front matter`);
  const front = FrontMatterSchema.safeParse(parseYaml(match[1] ?? ''));
  if (!front.success) throw new Error(`${id}: bad front matter: ${front.error.issues[0]?.message}`);
  return { id, title: front.data.title, views: front.data.views, body: (match[2] ?? '').trim() };
}

/** Splits a page at its `##` headings; text before the first one is the intro passage. */
export function passages(doc: Doc): Passage[] {
  const out: Passage[] = [];
  let heading = doc.title;
  let lines: string[] = [];
  const flush = () => {
    const text = lines.join('\n').trim();
    if (text) out.push({ docId: doc.id, heading, text });
  };
  for (const line of doc.body.split('\n')) {
    if (line.startsWith('# ')) continue;
    if (line.startsWith('## ')) {
      flush();
      heading = line.slice(3).trim();
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  return out;
}

let cache: Promise<Doc[]> | undefined;

/** Every page under the docs folder, sorted by id; read once per process. */
export function loadDocs(dir: string = DOCS_DIR): Promise<Doc[]> {
  if (dir !== DOCS_DIR) return readDocs(dir);
  cache ??= readDocs(dir);
  return cache;
}

async function readDocs(dir: string): Promise<Doc[]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(files.map(async (f) => parseDoc(f.split(path.sep).join('/'), await readFile(path.join(dir, f), 'utf8'))));
}

/**
 * The most-read pages that together account for `share` of all reads (most-read first): what a
 * model without retrieval plausibly absorbed, since common facts are everywhere and rare ones are not.
 */
export function mostRead(docs: readonly Doc[], share: number): Doc[] {
  const sorted = [...docs].sort((a, b) => b.views - a.views || a.id.localeCompare(b.id));
  const total = sorted.reduce((sum, d) => sum + d.views, 0);
  const out: Doc[] = [];
  let seen = 0;
  for (const doc of sorted) {
    if (seen >= share * total) break;
    out.push(doc);
    seen += doc.views;
  }
  return out;
}
