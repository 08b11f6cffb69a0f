import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VerdictCache, verdictCacheKey, type VerdictCacheKeyFields } from '../../src/models/cache.js';
import { checksum } from '../../src/util/append-log.js';
import { endpointOf } from '../../src/models/model-verdict-call.js';
import { judgeRubric } from '../../src/scoring/judges/rubric.js';
import { KEYS, PROVIDERS, makeItem, makeOutput, makeRubric, readTree, signal, startJudgeServer, type JudgeServer } from './helpers.js';

const fields: VerdictCacheKeyFields = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  endpoint: 'api.openai.com/v1',
  maxTokens: 1024,
  temperature: 0,
  schemaName: 'rubric_verdict',
  jsonSchema: { type: 'object' },
  system: 'system {{nonce}}',
  user: 'user <answer-{{nonce}}>x</answer-{{nonce}}>',
  rubricHash: 'abc',
};

describe('verdictCacheKey', () => {
  it('is a sha256 that changes with every field and not with key order', () => {
    const key = verdictCacheKey(fields);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(verdictCacheKey({ ...fields })).toBe(key);
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as VerdictCacheKeyFields;
    expect(verdictCacheKey(reordered)).toBe(key);
    const changes: Partial<VerdictCacheKeyFields>[] = [
      { provider: 'anthropic' },
      { model: 'gpt-4o' },
      { endpoint: 'localhost:8000/v1' },
      { maxTokens: 512 },
      { temperature: null },
      { schemaName: 'reference_verdict' },
      { jsonSchema: { type: 'object', required: ['score'] } },
      { system: 'other system {{nonce}}' },
      { user: 'user <answer-{{nonce}}>y</answer-{{nonce}}>' },
      { rubricHash: 'abd' },
      { rubricHash: undefined },
    ];
    const keys = new Set(changes.map((change) => verdictCacheKey({ ...fields, ...change })));
    expect(keys.size).toBe(changes.length);
    expect(keys.has(key)).toBe(false);
  });

  it('keys a base URL on host and path only, never its query string or user info', () => {
    expect(endpointOf('https://user:secret@proxy.example.com/openai/v1/?api-key=sk-123')).toBe('proxy.example.com/openai/v1');
    expect(endpointOf('http://127.0.0.1:8000/v1')).toBe('127.0.0.1:8000/v1');
  });
});

describe('VerdictCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'evals-cache-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores entries as lines of verdicts.log and reads them back, in this process and the next', async () => {
    const cache = new VerdictCache(dir);
    const key = verdictCacheKey(fields);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { value: { score: 4 }, usage: { inputTokens: 3, outputTokens: 2 }, costUsd: 0.5 });
    const entry = { value: { score: 4 }, usage: { inputTokens: 3, outputTokens: 2 }, costUsd: 0.5 };
    expect(await cache.get(key)).toEqual(entry);
    expect(readdirSync(dir)).toEqual(['verdicts.log']);
    const [line, ...rest] = readFileSync(cache.file, 'utf8').split('\n');
    expect(rest).toEqual(['']);
    expect(line).toMatch(new RegExp(`^${key}\\t[0-9a-f]{8}\\t\\{`));
    expect(await new VerdictCache(dir).get(key)).toEqual(entry);
  });

  it('treats a torn or altered entry as a miss, and appends cleanly after a torn one', async () => {
    const cache = new VerdictCache(dir);
    const key = verdictCacheKey(fields);
    await cache.set(key, { value: 1 });
    const line = readFileSync(cache.file, 'utf8');
    writeFileSync(cache.file, line.replace('"value":1', '"value":2'));
    expect(await new VerdictCache(dir).get(key)).toBeUndefined();
    writeFileSync(cache.file, line.slice(0, -4));
    const torn = new VerdictCache(dir);
    expect(await torn.get(key)).toBeUndefined();
    await torn.set(key, { value: 3 });
    expect(await new VerdictCache(dir).get(key)).toEqual({ value: 3 });
  });

  it('lets the last entry for a key win', async () => {
    const cache = new VerdictCache(dir);
    const key = verdictCacheKey(fields);
    await cache.set(key, { value: 1 });
    await cache.set(key, { value: 2 });
    expect(await cache.get(key)).toEqual({ value: 2 });
    expect(await new VerdictCache(dir).get(key)).toEqual({ value: 2 });
  });
});

describe.each(PROVIDERS)('model verdict source with a cache (%s)', (provider) => {
  let judge: JudgeServer;
  let dir: string;
  beforeEach(async () => {
    judge = await startJudgeServer(provider);
    judge.verdicts(() => ({ reasoning: 'Correct window.', score: 5 }));
    dir = mkdtempSync(path.join(tmpdir(), 'evals-cache-'));
  });
  afterEach(async () => {
    await judge.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const judgeOnce = async (rubricFields: Record<string, unknown> = {}, answer = 'Within 14 days.') => {
    const source = await judge.source({ cache: new VerdictCache(dir) });
    const input = { item: makeItem(), output: makeOutput(answer), signal: signal() };
    return judgeRubric(input, source, { rubric: makeRubric(rubricFields) });
  };

  it('serves an unchanged rerun from disk with zero calls, and calls again when the rubric or prompt changes', async () => {
    const first = await judgeOnce();
    expect(first).toMatchObject({ score: 1, pass: true, calls: 1, cachedCalls: 0 });
    expect(judge.requests).toHaveLength(1);

    const rerun = await judgeOnce();
    expect(judge.requests).toHaveLength(1);
    // Same verdict, nothing spent this time.
    expect(rerun).toMatchObject({ score: 1, pass: true, reason: 'Correct window.', calls: 0, cachedCalls: 1, costUsd: 0 });
    expect(rerun.usage).toEqual({ inputTokens: 0, outputTokens: 0 });

    await judgeOnce({ hash: 'rubric-hash-2' });
    expect(judge.requests).toHaveLength(2);
    await judgeOnce({}, 'Within 30 days.');
    expect(judge.requests).toHaveLength(3);
    await judgeOnce({ instructions: 'Grade strictly.' });
    expect(judge.requests).toHaveLength(4);
    // Each of those is cached in turn.
    await judgeOnce({ hash: 'rubric-hash-2' });
    expect(judge.requests).toHaveLength(4);
  });

  it('never writes the API key or a header to the cache', async () => {
    await judgeOnce();
    await judgeOnce({}, 'Within 30 days.');
    const files = readTree(dir);
    expect(files).toHaveLength(1);
    const lines = (files[0]?.content ?? '').split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(KEYS[provider]);
      expect(line.toLowerCase()).not.toMatch(/authorization|x-api-key|bearer/);
      expect(Object.keys(JSON.parse(line.split('\t')[2] ?? '') as object).sort()).toEqual(['costUsd', 'usage', 'value']);
    }
  });

  it('ignores a cached value that no longer passes the schema', async () => {
    await judgeOnce();
    const [entry] = readTree(dir);
    // A well-formed entry (checksum and all) whose verdict the rubric's schema now rejects.
    const key = (entry?.content ?? '').slice(0, 64);
    const value = JSON.stringify({ value: { reasoning: 'tampered', score: 9 } });
    writeFileSync(entry?.file as string, `${key}\t${checksum(value)}\t${value}\n`);
    const outcome = await judgeOnce();
    expect(judge.requests).toHaveLength(2);
    expect(outcome).toMatchObject({ score: 1, calls: 1, cachedCalls: 0 });
  });
});
