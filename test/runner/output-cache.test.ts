import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/harness.js';
import { completionReply, lastUserContent, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';

const KEY = 'sk-test-output-cache-0123456789';

describe('the output cache for model candidates', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer((req) => completionReply(`Paris, you asked: ${lastUserContent(req)}`, { promptTokens: 20, completionTokens: 5 }));
  });
  afterAll(() => server.close());

  it('pays for each answer once: an unchanged rerun makes no model call and writes the same report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-outcache-'));
    const rows = Array.from({ length: 6 }, (_, i) => ({
      id: `q${i}`,
      input: `Capital of France, take ${i}?`,
      checks: [{ type: 'contains', values: ['Paris'] }],
    }));
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const config = {
      suites: { s: { goldenSets: ['set.jsonl'] } },
      candidates: { m: { kind: 'base', adapter: { type: 'openai', model: 'gpt-4o-mini', baseURL: server.baseURL } } },
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
    const env = { OPENAI_API_KEY: KEY };
    const before = server.requests.length;

    expect((await runCli(['run', '--candidate', 'm', '--quiet'], dir, new AbortController().signal, env)).code).toBe(0);
    expect(server.requests.length - before).toBe(6);
    const first = readFileSync(path.join(dir, 'reports/s/m.json'), 'utf8');
    const firstInfo = JSON.parse(readFileSync(path.join(dir, 'reports/s/m.run.json'), 'utf8'));
    expect(firstInfo).toMatchObject({ cachedAnswers: 0, tokens: { input: 120, output: 30 } });

    expect((await runCli(['run', '--candidate', 'm', '--quiet'], dir, new AbortController().signal, env)).code).toBe(0);
    expect(server.requests.length - before).toBe(6);
    expect(readFileSync(path.join(dir, 'reports/s/m.json'), 'utf8')).toBe(first);
    expect(JSON.parse(readFileSync(path.join(dir, 'reports/s/m.run.json'), 'utf8'))).toMatchObject({
      cachedAnswers: 6,
      costUsd: 0,
      tokens: { input: 0, output: 0 },
    });

    expect((await runCli(['run', '--candidate', 'm', '--quiet', '--no-cache'], dir, new AbortController().signal, env)).code).toBe(0);
    expect(server.requests.length - before).toBe(12);
    expect(readFileSync(path.join(dir, 'reports/s/m.outputs.jsonl'), 'utf8')).not.toContain('"cached"');
  });
});
