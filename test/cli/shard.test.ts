import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf } from '../../src/runner/shard.js';
import { UserError } from '../../src/errors.js';
import { copyFixture, runCli } from './harness.js';

const read = (dir: string, p: string) => readFileSync(path.join(dir, p), 'utf8');

describe('shardOf / parseShard', () => {
  it('splits ids stably and roughly evenly, whatever else is in the set', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `item-${i}`);
    const counts = [0, 0, 0];
    for (const id of ids) counts[shardOf(id, 3) - 1]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(900);
    expect(shardOf('item-7', 3)).toBe(shardOf('item-7', 3));
  });

  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(UserError);
  });
});

describe('evals run --shard + evals merge', () => {
  it('gives the same report, byte for byte, and the same exit code as the unsharded run', async () => {
    const dir = copyFixture('mini');
    const full = await runCli(['run', '--candidate', 'flaky', '--suite', 'lenient', '--quiet'], dir);
    const fullJson = read(dir, 'reports/lenient/flaky.json');
    const fullOutputs = read(dir, 'reports/lenient/flaky.outputs.jsonl');
    rmSync(path.join(dir, 'reports'), { recursive: true });

    for (const i of [1, 2, 3]) {
      const shard = await runCli(['run', '--candidate', 'flaky', '--suite', 'lenient', '--quiet', '--shard', `${i}/3`], dir);
      expect(shard.code).toBe(0);
      expect(shard.stdout).toMatch(new RegExp(`shard ${i}/3 of lenient/flaky`));
    }
    expect(readdirSync(path.join(dir, '.evals-shards')).sort()).toEqual([1, 2, 3].map((i) => `lenient.flaky.shard-${i}-of-3.jsonl`));
    expect(() => read(dir, 'reports/lenient/flaky.json')).toThrow();

    const merged = await runCli(['merge'], dir);
    expect(merged.code).toBe(full.code);
    expect(read(dir, 'reports/lenient/flaky.json')).toBe(fullJson);
    expect(read(dir, 'reports/lenient/flaky.outputs.jsonl')).toBe(fullOutputs);
  });

  it('refuses to merge with a shard missing (exit 3) or a golden set changed since (exit 2)', async () => {
    const dir = copyFixture('mini');
    for (const i of [1, 3]) await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet', '--shard', `${i}/3`], dir);
    const missing = await runCli(['merge'], dir);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/mini\/echo: shard 2\/3 missing; no report written/);

    await runCli(['run', '--candidate', 'echo', '--suite', 'mini', '--quiet', '--shard', '2/3'], dir);
    writeFileSync(path.join(dir, 'mini.jsonl'), read(dir, 'mini.jsonl').replace('Capital of Peru?', 'Capital of Chile?'));
    const stale = await runCli(['merge'], dir);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/golden set or checks changed since the shards ran/);
  });
});
