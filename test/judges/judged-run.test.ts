import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { forcedToolName, startAnthropicServer, toolUseReply, type AnthropicServer } from '../servers/anthropic-server.js';
import { jsonReply, requestedJsonSchema, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';

const KEYS = { ANTHROPIC_API_KEY: 'sk-ant-judged-run-0123456789', OPENAI_API_KEY: 'sk-judged-run-abcdef012345' };

/** A verdict for whichever judge kind asked (read from the tool or schema name). */
function verdict(kind: string | undefined, body: string): unknown {
  const good = body.includes('Within 14 days');
  switch (kind) {
    case 'rubric_verdict':
      return { reasoning: good ? 'right window' : 'wrong window', score: good ? 5 : 2 };
    case 'reference_verdict':
      return { reasoning: 'compared', verdict: good ? 'correct' : 'incorrect' };
    case 'faithfulness_verdict':
      return { claims: [{ claim: 'the refund window', supported: good, evidence: good ? 'refunds page' : null }] };
    default:
      throw new Error(`unexpected verdict kind ${kind}`);
  }
}

describe('every judge kind through the runner, on both wire formats, into the report', () => {
  let anthropic: AnthropicServer;
  let openai: OpenAIServer;
  beforeAll(async () => {
    anthropic = await startAnthropicServer((req) => toolUseReply(forcedToolName(req) ?? '', verdict(forcedToolName(req), req.rawBody)));
    openai = await startOpenAIServer((req) => jsonReply(verdict(requestedJsonSchema(req)?.name, req.rawBody)));
  });
  afterAll(async () => {
    await anthropic.close();
    await openai.close();
  });

  it('scores rubric, reference, faithfulness and panel metrics per item and per slice; a rerun makes no call', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-judged-'));
    mkdirSync(path.join(dir, 'rubrics'));
    writeFileSync(
      path.join(dir, 'rubrics', 'answer.md'),
      '---\nid: answer\nscale: 1-5\nshowReference: true\ncriteria:\n  - name: correct\n    description: States the right window.\n---\nScore the answer.\n',
    );
    const rows = [
      { id: 'good', input: 'Refund window?', reference: 'Refunds within 14 days.', slices: ['billing'] },
      { id: 'bad', input: 'Refund window, please?', reference: 'Refunds within 14 days.', slices: ['billing', 'long-tail'] },
    ];
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(
      path.join(dir, 'candidate.mjs'),
      "export default async (item) => ({ text: item.id === 'good' ? 'Within 14 days [refunds].' : 'Within 30 days [refunds].', contexts: [{ id: 'refunds', text: 'Refunds within 14 days.' }] });\n",
    );
    const config = {
      suites: {
        s: {
          goldenSets: ['set.jsonl'],
          judge: 'claude',
          rubrics: ['answer'],
          judges: [
            { kind: 'reference', judge: 'gpt' },
            { kind: 'faithfulness', judge: 'claude' },
            { kind: 'panel', metric: 'panel', judges: ['claude', 'gpt'], rubric: 'answer', aggregate: 'majority' },
          ],
        },
      },
      judges: {
        claude: { provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: anthropic.origin },
        gpt: { provider: 'openai', model: 'gpt-4.1', baseURL: openai.baseURL },
      },
      candidates: { c: { kind: 'rag', adapter: { type: 'module', path: 'candidate.mjs' } } },
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);

    const first = await runCli(['run', '--candidate', 'c', '--quiet'], dir, new AbortController().signal, KEYS);
    expect(first.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')));
    const good = report.items.find((i) => i.id === 'good');
    const bad = report.items.find((i) => i.id === 'bad');
    expect(good?.scores).toMatchObject({ pass: 1, answer: 1, reference: 1, faithfulness: 1, panel: 1, 'panel.claude': 1, 'panel.gpt': 1 });
    expect(bad?.scores).toMatchObject({ pass: 0, answer: 0.25, reference: 0, faithfulness: 0, panel: 0.25 });
    expect(bad?.failures).toContain('answer: wrong window');
    expect(bad?.failures.some((f) => f.startsWith('faithfulness:') && f.includes('unsupported: the refund window'))).toBe(true);
    expect(report.slices['long-tail']?.metrics.reference).toMatchObject({ n: 1, mean: 0 });
    expect(report.summary.metrics.panel).toMatchObject({ n: 2, mean: 0.625 });
    expect(anthropic.requests.length).toBeGreaterThan(0);
    expect(openai.requests.length).toBeGreaterThan(0);

    const calls = anthropic.requests.length + openai.requests.length;
    const again = await runCli(['run', '--candidate', 'c', '--quiet'], dir, new AbortController().signal, KEYS);
    expect(again.code).toBe(0);
    expect(anthropic.requests.length + openai.requests.length).toBe(calls);
    expect(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')).toBe(JSON.stringify(report, null, 2) + '\n');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files) {
      const text = readFileSync(path.join(file.parentPath, file.name), 'utf8');
      for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
    }
  });

  it('a judge moved to another model makes the baseline stale: judges changed, the rest still compared', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-judge-model-'));
    mkdirSync(path.join(dir, 'rubrics'));
    writeFileSync(
      path.join(dir, 'rubrics', 'answer.md'),
      '---\nid: answer\nscale: 1-5\ncriteria:\n  - name: correct\n    description: States the right window.\n---\nScore.\n',
    );
    writeFileSync(path.join(dir, 'set.jsonl'), JSON.stringify({ id: 'good', input: 'Refund window?', reference: 'Refunds within 14 days.' }));
    writeFileSync(path.join(dir, 'candidate.mjs'), "export default async () => 'Within 14 days.';\n");
    const write = (model: string) =>
      writeFileSync(
        path.join(dir, 'evals.config.ts'),
        `export default ${JSON.stringify({
          suites: { s: { goldenSets: ['set.jsonl'], judge: 'claude', rubrics: ['answer'] } },
          judges: { claude: { provider: 'anthropic', model, baseURL: anthropic.origin } },
          candidates: { c: { kind: 'prompt', adapter: { type: 'module', path: 'candidate.mjs' } } },
        })};\n`,
      );
    const fingerprint = () => ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8'))).fingerprint;
    // The baseline was judged by the retired model; the upgrade names its successor.
    write('claude-sonnet-4-5');
    expect((await runCli(['run', '--candidate', 'c', '--quiet'], dir, new AbortController().signal, KEYS)).code).toBe(0);
    const before = fingerprint();
    write('claude-sonnet-4-6');
    const upgraded = await runCli(['run', '--candidate', 'c'], dir, new AbortController().signal, KEYS);
    expect(upgraded.code).toBe(0);
    expect(upgraded.stdout).toContain(
      'The baseline is stale: judges changed since it was made. The 1 item present in both with the same slices are compared in pairs.',
    );
    const after = fingerprint();
    expect(after.judges).not.toBe(before.judges);
    expect({ ...after, judges: before.judges }).toEqual(before);
  });
});
