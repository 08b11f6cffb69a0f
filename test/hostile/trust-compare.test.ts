import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calls, committed, expectEnd, hostileProject, read, runCli, withBaseline, write } from './helpers-trust.js';

// Principle 3: comparing nothing is not passing, and the baseline is checked before any paid call.
describe('comparing nothing is not passing', () => {
  it('a mistyped --baseline is exit 2 before anything runs, not "no baseline yet"', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    const n = calls(dir).length;
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--baseline', 'reports/mini/cuont.json'], dir);
    expectEnd(result, 2, /--baseline reports\/mini\/cuont\.json: no such report/);
    expect(result.stdout).not.toMatch(/no baseline yet/);
    expect(calls(dir).length).toBe(n);
    expect(committed(dir)).toEqual(before);
  });

  it('a --baseline from another suite (no item in common) is exit 2 naming the suite, before any call', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    write(dir, 'other.jsonl', '{"id": "z-01", "input": "Other?", "reference": "x"}\n');
    write(dir, 'evals.config.ts', read(dir, 'evals.config.ts').replace('suites: {', "suites: {\n    other: { goldenSets: ['other.jsonl'] },"));
    expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'other', '--quiet'], dir), 0);
    const n = calls(dir).length;
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--baseline', 'reports/other/count.json'], dir);
    expectEnd(
      result,
      2,
      /reports\/other\/count\.json: no item of this run is in the baseline with the same slices \(it is a report of suite "other", not "mini"\), so nothing would be compared/,
    );
    expect(calls(dir).length).toBe(n);
    expect(committed(dir)).toEqual(before);
  });

  it('a golden set whose ids all changed is exit 2 before any call; the baseline is untouched', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    write(dir, 'mini.jsonl', read(dir, 'mini.jsonl').replaceAll('"q-0', '"r-0'));
    const n = calls(dir).length;
    expectEnd(
      await runCli(['run', '--candidate', 'count', '--suite', 'mini'], dir),
      2,
      /nothing would be compared; pass the right --baseline, or remove the old report/,
    );
    expect(calls(dir).length).toBe(n);
    expect(committed(dir)).toEqual(before);
  });

  it('every item moved to other slices: nothing is paired, exit 2', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    write(dir, 'mini.jsonl', read(dir, 'mini.jsonl').replace(/"slices": \[[^\]]*\]/g, '"slices": ["moved"]'));
    expectEnd(
      await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--quiet'], dir),
      2,
      /no item of this run is in the baseline with the same slices/,
    );
    expect(committed(dir)).toEqual(before);
  });

  it.each([
    ['damaged JSON', '{"schema": ', /reports\/mini\/count\.json: not a JSON report/],
    ['not a report', '{"hello": "world"}', /reports\/mini\/count\.json: not an evals report/],
  ])('a baseline that is %s is exit 2 before any call', async (_name, content, message) => {
    const dir = hostileProject();
    await withBaseline(dir);
    write(dir, 'reports/mini/count.json', content);
    const before = committed(dir);
    const n = calls(dir).length;
    expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'mini'], dir), 2, message);
    expect(calls(dir).length).toBe(n);
    expect(committed(dir)).toEqual(before);
  });

  it('a --baseline that is a folder is exit 2, naming it', async () => {
    const dir = hostileProject();
    mkdirSync(path.join(dir, 'base.json'));
    expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--baseline', 'base.json'], dir), 2, /base\.json: not a JSON report \(EISDIR/);
    expect(calls(dir)).toEqual([]);
  });

  it('evals diff of two reports with no item in common is exit 2, not a pass', async () => {
    const dir = hostileProject();
    await withBaseline(dir);
    write(dir, 'other.jsonl', '{"id": "z-01", "input": "Other?", "reference": "x"}\n');
    write(dir, 'evals.config.ts', read(dir, 'evals.config.ts').replace('suites: {', "suites: {\n    other: { goldenSets: ['other.jsonl'] },"));
    expectEnd(await runCli(['run', '--candidate', 'count', '--suite', 'other', '--quiet'], dir), 0);
    const result = await runCli(['diff', 'reports/other/count.json', 'reports/mini/count.json'], dir);
    expectEnd(result, 2, /no item of reports\/mini\/count\.json is in reports\/other\/count\.json with the same slices/);
    expect(existsSync(path.join(dir, 'reports/mini/count.new.json'))).toBe(false);
  });
});
