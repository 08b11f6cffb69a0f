import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, fileSystemError } from '../../src/errors.js';
import { writeFilesAtomic } from '../../src/util/atomic-write.js';
import { startOpenAIServer } from '../servers/openai-server.js';
import { committed, expectEnd, hostileProject, read, runCli, withBaseline, write } from './helpers-trust.js';

// Principle 9: I/O failures are errors, not crashes, and a report set is replaced as a unit.
const run = (dir: string, ...flags: string[]) => runCli(['run', '--candidate', 'count', '--suite', 'mini', '--quiet', ...flags], dir);
const leftovers = (folder: string) => readdirSync(folder).filter((f) => /\.(tmp|old)-/.test(f));
const KEY = 'sk-test-FAKEKEY-io-0123456789';
/** Files under the project (reports, journals, caches) that hold the fake key. */
const holdingKey = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && readFileSync(path.join(e.parentPath, e.name), 'utf8').includes(KEY.slice(0, 15)))
    .map((e) => e.name);

describe('disk failures on the reports, journal and cache paths', () => {
  it('a reports folder under a file (ENOTDIR) is exit 3 naming the path, no stack', async () => {
    const dir = hostileProject();
    write(dir, 'blocked', 'a file, not a folder\n');
    expectEnd(
      await run(dir, '--reports-dir', 'blocked/reports'),
      ExitCode.runIncomplete,
      /cannot \w+ .*blocked.*: a file is in the way of a folder on that path \(ENOTDIR\)/,
    );
  });

  it('a journal folder under a file (ENOTDIR) is exit 3 naming the path; the committed report is untouched', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    rmSync(path.join(dir, '.evals-runs'), { recursive: true, force: true });
    write(dir, '.evals-runs', 'a file where the journals go\n');
    write(dir, 'mini.jsonl', `${read(dir, 'mini.jsonl')}{"id": "q-new", "input": "New?", "reference": "yes"}\n`);
    expectEnd(await run(dir, '-u'), ExitCode.runIncomplete, /cannot \w+ .*\.evals-runs.*\(ENOTDIR\)/);
    expect(committed(dir)).toEqual(before);
  });

  it('a folder in the place of the report .md (EISDIR) fails the write; the .json and .outputs.jsonl stay as they were', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    rmSync(path.join(dir, 'reports/mini/count.md'));
    mkdirSync(path.join(dir, 'reports/mini/count.md'));
    // A new item changes every file of the set, so an unchanged .json proves the rollback.
    write(dir, 'mini.jsonl', `${read(dir, 'mini.jsonl')}{"id": "q-new", "input": "New?", "reference": "yes"}\n`);
    const result = await run(dir, '-u');
    expectEnd(result, ExitCode.runIncomplete, /cannot rename .*reports\/mini\/count\.md.*: a folder is in the way of a file \(EISDIR\)/);
    expect(leftovers(path.join(dir, 'reports/mini'))).toEqual([]);
    rmSync(path.join(dir, 'reports/mini/count.md'), { recursive: true });
    const { md: _replaced, ...rest } = before;
    expect(committed(dir)).toEqual(rest);
    expectEnd(await run(dir, '-u'), ExitCode.ok);
    expect(committed(dir).json).not.toBe(before.json);
    expect(committed(dir)['outputs.jsonl']).not.toBe(before['outputs.jsonl']);
  });
});

describe('--batch against a server without batch endpoints', () => {
  it('is a plain error (exit 3, no report) and leaves nothing that breaks the next run', async () => {
    const server = await startOpenAIServer();
    try {
      const dir = hostileProject();
      const adapter = { type: 'openai', model: 'gpt-4o-mini', baseURL: server.baseURL, apiKeyEnv: 'IO_TEST_KEY', maxRetries: 0 };
      const config = read(dir, 'evals.config.ts').replace('candidates: {', `candidates: {\n    api: { kind: 'prompt', adapter: ${JSON.stringify(adapter)} },`);
      writeFileSync(path.join(dir, 'evals.config.ts'), config);
      const env = { IO_TEST_KEY: KEY };
      const args = ['run', '--candidate', 'api', '--suite', 'lenient', '--quiet'];
      const batch = await runCli([...args, '--batch'], dir, new AbortController().signal, env);
      expectEnd(batch, ExitCode.runIncomplete, /openai batch API: .*404.*run without --batch/);
      expect(existsSync(path.join(dir, 'reports/lenient/api.json'))).toBe(false);
      expectEnd(await runCli(args, dir, new AbortController().signal, env), ExitCode.ok);
      expect(existsSync(path.join(dir, 'reports/lenient/api.json'))).toBe(true);
      expect(holdingKey(dir)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('a cache folder under a file (ENOTDIR)', () => {
  it('runs without the cache (as the README says: failed cache writes are skipped), no stack', async () => {
    const server = await startOpenAIServer();
    try {
      const dir = hostileProject();
      const adapter = { type: 'openai', model: 'gpt-4o-mini', baseURL: server.baseURL, apiKeyEnv: 'IO_TEST_KEY', maxRetries: 0 };
      const config = read(dir, 'evals.config.ts')
        .replace('candidates: {', `candidates: {\n    api: { kind: 'prompt', adapter: ${JSON.stringify(adapter)} },`)
        .replace('export default {', "export default {\n  cacheDir: 'blocked/cache',");
      writeFileSync(path.join(dir, 'evals.config.ts'), config);
      write(dir, 'blocked', 'a file, not a folder\n');
      const result = await runCli(['run', '--candidate', 'api', '--suite', 'lenient', '--quiet'], dir, new AbortController().signal, { IO_TEST_KEY: KEY });
      expectEnd(result, ExitCode.ok);
      expect(existsSync(path.join(dir, 'reports/lenient/api.json'))).toBe(true);
      expect(existsSync(path.join(dir, 'blocked/cache'))).toBe(false);
      expect(holdingKey(dir)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('writeFilesAtomic: all files of a set land, or none', () => {
  it('a write that fails midway (ENOSPC) changes no target and leaves no temp file', () => {
    const dir = hostileProject();
    const folder = path.join(dir, 'set');
    writeFilesAtomic([
      [path.join(folder, 'a.txt'), 'old a'],
      [path.join(folder, 'b.txt'), 'old b'],
    ]);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: path.join(folder, 'b.txt') });
    function* failing() {
      yield 'new b, first half';
      throw full;
    }
    expect(() =>
      writeFilesAtomic([
        [path.join(folder, 'a.txt'), 'new a'],
        [path.join(folder, 'b.txt'), failing()],
      ]),
    ).toThrow(full);
    expect(read(folder, 'a.txt')).toBe('old a');
    expect(read(folder, 'b.txt')).toBe('old b');
    expect(leftovers(folder)).toEqual([]);
  });

  it('a rename that fails puts back the files already replaced', () => {
    const dir = hostileProject();
    const folder = path.join(dir, 'set');
    writeFilesAtomic([[path.join(folder, 'a.txt'), 'old a']]);
    mkdirSync(path.join(folder, 'b.txt'));
    expect(() =>
      writeFilesAtomic([
        [path.join(folder, 'a.txt'), 'new a'],
        [path.join(folder, 'b.txt'), 'new b'],
      ]),
    ).toThrow(/EISDIR/);
    expect(read(folder, 'a.txt')).toBe('old a');
    expect(leftovers(folder)).toEqual([]);
    writeFilesAtomic([
      [path.join(folder, 'a.txt'), 'new a'],
      [path.join(folder, 'c.txt'), 'new c'],
    ]);
    expect([read(folder, 'a.txt'), read(folder, 'c.txt')]).toEqual(['new a', 'new c']);
    expect(existsSync(path.join(folder, 'a.txt'))).toBe(true);
  });
});

describe('fileSystemError', () => {
  const errno = (code: string, syscall = 'open', file = '/r/reports/s/c.json') => Object.assign(new Error(code), { code, syscall, path: file });

  it.each([
    ['ENOSPC', 'no space left on the device'],
    ['EROFS', 'the file system is read-only'],
    ['EISDIR', 'a folder is in the way of a file'],
    ['ENOTDIR', 'a file is in the way of a folder on that path'],
  ])('%s becomes one plain line naming the path, exit 3', (code, meaning) => {
    const user = fileSystemError(errno(code));
    expect(user?.message).toBe(`cannot open /r/reports/s/c.json: ${meaning} (${code})`);
    expect(user?.exitCode).toBe(ExitCode.runIncomplete);
  });

  it('leaves other errors (and errno errors with no path) to the internal-error path', () => {
    expect(fileSystemError(errno('ECONNRESET'))).toBeUndefined();
    expect(fileSystemError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBeUndefined();
    expect(fileSystemError(new Error('plain'))).toBeUndefined();
  });
});
