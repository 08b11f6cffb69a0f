import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { exec, repo } from './npm.js';

/**
 * dist/ as rolldown.config.mjs bundles it (`npm run build`; npm test builds first): each source
 * module in one chunk, entries where they are loaded by path, commands and SDKs loaded when used,
 * and a plugin that imports `evals-gate` sharing the running CLI's classes.
 */

const dist = path.join(repo, 'dist');

/** Source module -> the chunk holding it, from the source maps the build writes beside each chunk. */
function modulesByChunk(): Map<string, string[]> {
  const chunks = new Map<string, string[]>();
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js.map'))) {
    const map = JSON.parse(readFileSync(path.join(dist, file), 'utf8')) as { sources: string[] };
    chunks.set(
      file.replace(/\.map$/, ''),
      map.sources.map((source) => path.relative(repo, path.resolve(dist, path.dirname(file), source))),
    );
  }
  return chunks;
}

/** The chunks a file loads before it runs: its static imports, followed. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  for (const [, target] of readFileSync(path.join(dist, file), 'utf8').matchAll(/^(?:import|export)\b[^'"]*?["'](\.[^"']+)["'];?$/gm)) {
    const next = path.join(path.dirname(file), target!);
    if (!seen.has(next)) staticClosure(next, seen);
  }
  return seen;
}

describe('the bundled dist/', () => {
  it('holds each source module in exactly one chunk, with the entries at the paths the package exports, bin/ and action.yml load', () => {
    const chunks = modulesByChunk();
    const owners = new Map<string, string[]>();
    for (const [chunk, sources] of chunks) for (const source of sources) owners.set(source, [...(owners.get(source) ?? []), chunk]);
    expect([...owners].filter(([, holders]) => holders.length > 1)).toEqual([]);
    for (const entry of ['index.js', 'cli/main.js', 'vitest/index.js', 'action/gate.js', 'action/cache-key.js', 'action/comment.js'])
      expect(chunks.has(entry), entry).toBe(true);
    // The registries and the classes a plugin throws are shared because they are in one chunk, not copied per entry.
    expect(owners.get('src/candidates/adapter.ts')).toHaveLength(1);
    // Left to node_modules (rolldown.config.mjs says why): the SDKs, jiti, yaml, ajv.
    expect([...owners.keys()].filter((source) => /node_modules\/(openai|@anthropic-ai|jiti|yaml|ajv)\//.test(source))).toEqual([]);
  });

  it('evals --help loads no command and no SDK: dist/cli/main.js imports them only with import()', () => {
    const chunks = modulesByChunk();
    const loaded = [...staticClosure('cli/main.js')].flatMap((chunk) => chunks.get(chunk) ?? []);
    expect(loaded).toContain('src/cli/help.ts');
    expect(loaded.filter((source) => source.startsWith('src/cli/commands/') || source.startsWith('src/models/'))).toEqual([]);
    for (const chunk of staticClosure('cli/main.js'))
      expect(readFileSync(path.join(dist, chunk), 'utf8'), chunk).not.toMatch(/from ["'](openai|@anthropic-ai\/sdk)/);
  });

  it("a plugin adapter's CandidateError imported from evals-gate keeps its kind in a run of bin/evals.js (one class, not a copy)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-bundle-'));
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(repo, path.join(dir, 'node_modules', 'evals-gate'), 'dir');
    writeFileSync(path.join(dir, 'golden.jsonl'), `${JSON.stringify({ id: 'q-1', input: 'hello', checks: [{ type: 'contains', values: ['hi'] }] })}\n`);
    writeFileSync(
      path.join(dir, 'evals.config.mjs'),
      `import { CandidateError, defineAdapter, z } from 'evals-gate';
const refuses = defineAdapter({
  type: 'refuses',
  summary: 'answers nothing usable',
  options: z.object({}),
  create: () => ({ generate: async () => { throw new CandidateError('nothing usable', 'bad_output'); } }),
});
export default { plugins: [refuses], suites: { s: { goldenSets: ['golden.jsonl'] } }, candidates: { c: { kind: 'prompt', adapter: { type: 'refuses' } } } };
`,
    );
    const ran = await exec(process.execPath, [path.join(repo, 'bin', 'evals.js'), 'run', '--quiet'], dir);
    expect(ran.code, ran.stderr).toBe(3);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports', 's', 'c.new.json'), 'utf8')));
    // Another copy of the class would fail the CLI's instanceof check and read as a crash.
    expect(report.items[0]?.error).toEqual({ kind: 'bad_output', message: 'nothing usable' });
  });
});
