import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { forcedToolName, startAnthropicServer, toolUseReply, type AnthropicServer } from '../servers/anthropic-server.js';

const KEYS = { ANTHROPIC_API_KEY: 'sk-ant-judge-noise-0123456789' };

describe('judge noise over epochs', () => {
  let server: AnthropicServer;
  let wobbly = 0;
  beforeAll(async () => {
    // The same answer every epoch; the judge is steady on one and changes its mind on the other
    // (pass, fail, pass, ...), as a noisy judge does.
    server = await startAnthropicServer((req) => {
      const shaky = req.rawBody.includes('Maybe 14 days');
      const good = !shaky || wobbly++ % 2 === 0;
      return toolUseReply(forcedToolName(req) ?? '', { reasoning: good ? 'right window' : 'unsure', score: good ? 5 : 2 });
    });
  });
  afterAll(async () => server.close());

  it('asks the judge afresh each epoch, reports the flip rate per rubric and per slice, and scores items by their epoch average', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-noise-'));
    mkdirSync(path.join(dir, 'rubrics'));
    writeFileSync(
      path.join(dir, 'rubrics', 'answer.md'),
      '---\nid: answer\nscale: 1-5\ncriteria:\n  - name: correct\n    description: States the right window.\n---\nScore the answer.\n',
    );
    const rows = [
      { id: 'steady', input: 'Refund window?', slices: ['head'] },
      { id: 'wobbly', input: 'Refund window, please?', slices: ['long-tail'] },
    ];
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(path.join(dir, 'candidate.mjs'), "export default async (item) => ({ text: item.id === 'steady' ? 'Within 14 days.' : 'Maybe 14 days.' });\n");
    const config = {
      suites: { s: { goldenSets: ['set.jsonl'], longTail: ['long-tail'], judge: 'claude', rubrics: ['answer'], epochs: 3 } },
      judges: { claude: { provider: 'anthropic', model: 'claude-sonnet-4-6', baseURL: server.origin } },
      candidates: { c: { kind: 'rag', adapter: { type: 'module', path: 'candidate.mjs' } } },
      concurrency: 1,
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);

    const first = await runCli(['run', '--candidate', 'c', '--quiet'], dir, new AbortController().signal, KEYS);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // Three verdicts per item, none replayed from the first epoch's cache entry.
    expect(server.requests).toHaveLength(6);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8')));
    expect(report.flips).toEqual([
      { metric: 'answer', total: 2, flipped: 1, slices: { head: { total: 1, flipped: 0 }, 'long-tail': { total: 1, flipped: 1 } } },
    ]);
    // The gate reads each item's epoch average: wobbly passed 2 of 3 epochs.
    expect(report.items.find((i) => i.id === 'wobbly')?.scores.pass).toBeCloseTo(2 / 3, 4);
    expect(first.stdout).toContain('verdict flips over 3 epochs: answer 50.0% (1/2); long-tail 100.0% (1/1), head 0.0% (0/1)');
    expect(readFileSync(path.join(dir, 'reports/s/c.md'), 'utf8')).toContain('| answer | 50.0% (1/2) | 100.0% (1/1) | 0.0% (0/1) |');

    // Each epoch's verdict is cached under its own key: a rerun calls nobody and reports the same flips.
    const again = await runCli(['run', '--candidate', 'c', '--quiet', '--fresh'], dir, new AbortController().signal, KEYS);
    expect(again.code).toBe(0);
    expect(server.requests).toHaveLength(6);
    expect(ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/c.json'), 'utf8'))).flips).toEqual(report.flips);
  });
});
