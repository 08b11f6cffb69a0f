import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { messageReply, toolUseReply } from '../servers/anthropic-server.js';
import type { BatchAnswer } from '../servers/batch-script.js';
import { completionReply, jsonReply } from '../servers/openai-server.js';
import { ENV_VARS, KEYS, PROVIDERS, env, startBatchServer, type BatchServer, type Provider } from './helpers.js';

const ITEMS = 12;

/** Candidate requests get an answer; judge requests (a forced tool or a JSON schema) a passing verdict. */
function answers(provider: Provider): BatchAnswer {
  return (line) => {
    const params = line.params as { tools?: Array<{ name: string }>; response_format?: unknown; messages?: Array<{ content: unknown }> };
    const judged = provider === 'anthropic' ? params.tools !== undefined : params.response_format !== undefined;
    if (judged) {
      const verdict = { reasoning: 'it answers', score: 1 };
      return provider === 'anthropic' ? toolUseReply(params.tools?.[0]?.name ?? 'rubric_verdict', verdict) : jsonReply(verdict);
    }
    const question = JSON.stringify(params.messages ?? '');
    const id = /q-\d\d/.exec(question)?.[0] ?? '?';
    return provider === 'anthropic' ? messageReply(`Answer for ${id}`) : completionReply(`Answer for ${id}`);
  };
}

function project(provider: Provider, server: BatchServer): string {
  const dir = mkdtempSync(path.join(tmpdir(), `evals-batch-${provider}-`));
  mkdirSync(path.join(dir, 'rubrics'));
  writeFileSync(
    path.join(dir, 'rubrics', 'quality.md'),
    '---\nid: quality\nscale: binary\ncriteria:\n  - name: right\n    description: Right.\n---\nJudge it.\n',
  );
  const rows = Array.from({ length: ITEMS }, (_, i) => ({
    id: `q-${String(i).padStart(2, '0')}`,
    input: `Question q-${String(i).padStart(2, '0')}?`,
    slices: ['s'],
    checks: [{ type: 'contains', values: ['Answer'] }],
  }));
  writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const model = provider === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-4.1-mini';
  const config = {
    batchPollSeconds: 0.005,
    suites: { s: { goldenSets: ['set.jsonl'], judge: 'j', rubrics: ['quality'] } },
    judges: { j: { provider, model, baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxRetries: 0 } },
    candidates: { c: { kind: 'prompt', adapter: { type: provider, model, baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxRetries: 0 } } },
  };
  writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  return dir;
}

describe.each(PROVIDERS)('evals run --batch against the %s batch API', (provider) => {
  let server: BatchServer | undefined;
  afterEach(async () => server?.close());

  it('answers and judges every item through batches, at the batch price', async () => {
    server = await startBatchServer(provider, { answer: answers(provider), pollsUntilEnded: 2 });
    const dir = project(provider, server);
    // Every answer is judged at once under --batch: no listener per judge call on the run's signal.
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const result = await runCli(['run', '--candidate', 'c', '--batch'], dir, new AbortController().signal, env(provider)).finally(() =>
      process.off('warning', onWarning),
    );
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    expect(result.stderr).toMatch(/candidate batch: \d+\/12 done/);
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')));
    expect(report.summary).toMatchObject({ n: ITEMS, errors: 0 });
    expect(report.summary.metrics.pass?.mean).toBe(1);
    expect(report.summary.metrics.quality?.n).toBe(ITEMS);
    // One batch for the candidate, and the judge's questions gathered into batches of their own.
    expect(server.creates().length).toBeGreaterThanOrEqual(2);
    expect(server.creates().length).toBeLessThan(ITEMS);
    const runInfo = JSON.parse(readFileSync(path.join(dir, 'reports/s/c.run.json'), 'utf8'));
    expect(runInfo.latencyMs).toBeNull();
    expect(runInfo.costUsd).toBeGreaterThan(0);
    expect(JSON.stringify(runInfo)).not.toContain(KEYS[provider]);
  });

  it('resumes a run stopped while its batch is in flight without creating a second batch for the same calls', async () => {
    server = await startBatchServer(provider, { answer: answers(provider), pollsUntilEnded: 1_000_000 });
    const dir = project(provider, server);
    const stop = new AbortController();
    const watcher = setInterval(() => server && server.creates().length >= 1 && stop.abort(), 2);
    const stopped = await runCli(['run', '--candidate', 'c', '--batch'], dir, stop.signal, env(provider));
    clearInterval(watcher);
    expect(stopped.code).toBe(3);
    const slots = readdirSync(path.join(dir, '.evals-runs/s')).filter((f) => f.endsWith('.batches.json'));
    expect(slots).toHaveLength(1);
    expect(readFileSync(path.join(dir, '.evals-runs/s', slots[0] ?? ''), 'utf8')).toContain('"candidate"');
    expect(server.creates()).toHaveLength(1);

    server.script.pollsUntilEnded = 1;
    const resumed = await runCli(['run', '--candidate', 'c', '--batch'], dir, new AbortController().signal, env(provider));
    expect(resumed.code).toBe(0);
    const candidateBatches = server.creates().filter((r) => !/tools|response_format/.test(batchBody(server as BatchServer, r.rawBody)));
    expect(candidateBatches).toHaveLength(1);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')));
    expect(report.summary).toMatchObject({ n: ITEMS, errors: 0 });
  });
});

/** What a batch create carried: the body itself (Anthropic) or its uploaded input file (OpenAI). */
function batchBody(server: BatchServer, rawBody: string): string {
  if (!('files' in server)) return rawBody;
  const fileId = (JSON.parse(rawBody) as { input_file_id: string }).input_file_id;
  return server.files.get(fileId)?.content ?? '';
}
