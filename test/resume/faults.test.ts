import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { anthropicErrorReply, forcedToolName, startAnthropicServer, toolUseReply, type AnthropicServer } from '../servers/anthropic-server.js';
import { completionReply, lastUserContent, openaiErrorReply, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';
import type { Reply } from '../servers/loopback.js';

const ITEMS = 120;
const itemOf = (text: string) => /q-\d{3}/.exec(text)?.[0] ?? 'q-???';

/**
 * Faults at once, by request number: 10% answer 429 with retry-after, 5% a 500, 2% hang past the
 * timeout; the judge also sends 5% malformed verdicts, and always for items ending in 7 (so some
 * stay malformed after the one corrective retry and must end as judge_error).
 */
function faulty(i: number, ok: () => Reply, error: (status: number) => Reply): Reply {
  if (i % 10 === 3) return { ...error(429), headers: { 'retry-after': '0' } };
  if (i % 20 === 5) return error(500);
  if (i % 50 === 7) return { ...ok(), delayMs: 8_000 };
  return ok();
}

describe('a run under injected faults', () => {
  let model: OpenAIServer;
  let judge: AnthropicServer;
  beforeAll(async () => {
    model = await startOpenAIServer((req, i) =>
      faulty(
        i,
        () => completionReply(`The answer to ${itemOf(lastUserContent(req))} is 42.`),
        (s) => openaiErrorReply(s, s === 429 ? 'rate_limit_exceeded' : 'server_error', 'injected'),
      ),
    );
    judge = await startAnthropicServer((req, i) => {
      const item = itemOf(req.rawBody);
      const name = forcedToolName(req) ?? 'rubric_verdict';
      const garbage = item.endsWith('7') || i % 20 === 11;
      return faulty(
        i,
        () => toolUseReply(name, garbage ? { reasoning: 'x', score: 'high' } : { reasoning: 'ok', score: 1 }),
        (s) => anthropicErrorReply(s, s === 429 ? 'rate_limit_error' : 'api_error', 'injected'),
      );
    });
  });
  afterAll(async () => {
    await model.close();
    await judge.close();
  });

  it('finishes; scored + errored = planned; no error counts as a pass; errors are counted with reasons', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-faults-'));
    mkdirSync(path.join(dir, 'rubrics'));
    writeFileSync(
      path.join(dir, 'rubrics', 'quality.md'),
      '---\nid: quality\nscale: binary\ncriteria:\n  - name: right\n    description: Right.\n---\nJudge it.\n',
    );
    const rows = Array.from({ length: ITEMS }, (_, i) => ({
      id: `q-${String(i).padStart(3, '0')}`,
      input: `What is q-${String(i).padStart(3, '0')}?`,
      slices: ['s'],
      checks: [{ type: 'contains', values: ['42'] }],
    }));
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const config = {
      timeoutSeconds: 3,
      concurrency: 8,
      suites: { s: { goldenSets: ['set.jsonl'], judge: 'claude', rubrics: ['quality'], gate: { maxErrors: 1000 } } },
      judges: { claude: { provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: judge.origin, maxRetries: 4 } },
      candidates: { m: { kind: 'finetuned', adapter: { type: 'openai', model: 'ft:gpt-4o-mini:acme:support:x1', baseURL: model.baseURL, maxRetries: 4 } } },
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
    const env = { OPENAI_API_KEY: 'sk-test-faults', ANTHROPIC_API_KEY: 'sk-ant-test-faults' };
    const result = await runCli(['run', '--candidate', 'm', '--quiet'], dir, new AbortController().signal, env);
    expect(result.code).toBe(0);

    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/m.json'), 'utf8')));
    expect(report.items).toHaveLength(ITEMS);
    const errored = report.items.filter((i) => i.error);
    const scored = report.items.filter((i) => !i.error && i.scores.quality !== undefined);
    expect(scored.length + errored.length).toBe(ITEMS);
    expect(errored.every((i) => !i.pass)).toBe(true);
    expect(errored.length).toBeGreaterThanOrEqual(12); // the items ending in 7 at least
    expect(errored.every((i) => i.error?.kind === 'judge_error' && /quality: /.test(i.error.message))).toBe(true);
    expect(report.summary.errors).toBe(errored.length);
    expect(report.summary.metrics.pass?.mean).toBeCloseTo(scored.filter((i) => i.pass).length / ITEMS, 4);
    expect(result.stdout).toMatch(new RegExp(`all\\s+${ITEMS}\\s+${errored.length}\\s`));
    const runInfo = JSON.parse(readFileSync(path.join(dir, 'reports/s/m.run.json'), 'utf8'));
    expect(runInfo.errors).toEqual({ judge_error: errored.length });
    // Spend per candidate and per judged metric, in .run.json and the summary.
    expect(runInfo.tokens.input).toBeGreaterThan(0);
    expect(runInfo.judges.quality).toMatchObject({ judges: ['claude'], cachedCalls: 0 });
    expect(runInfo.judges.quality.calls).toBeGreaterThanOrEqual(ITEMS - errored.length);
    expect(runInfo.judges.quality.costUsd).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/cost: candidate \$\d+\.\d{4} \(\d+ in \/ \d+ out tokens\); quality \$\d+\.\d{4} \(\d+ calls, 0 cached\)/);
    // The faults really happened, and the SDKs retried through them.
    expect(model.requests.length).toBeGreaterThan(ITEMS);
    expect(judge.requests.length).toBeGreaterThan(ITEMS);
  }, 120_000);
});
