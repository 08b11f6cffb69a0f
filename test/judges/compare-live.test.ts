import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompareReportSchema } from '../../src/reports/compare-report.js';
import { runCli } from '../cli/harness.js';
import { jsonReply, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';

/**
 * A live pairwise judge on the loopback server: it prefers the answer containing "14 days", and
 * where neither does it prefers whatever is shown first (position bias), which judging both
 * orders turns into a tie.
 */
describe('evals compare with a live judge, both orders', () => {
  let server: OpenAIServer;
  beforeAll(async () => {
    server = await startOpenAIServer((req) => {
      const body = req.rawBody;
      const first = body.indexOf('<answer-a-');
      const second = body.indexOf('<answer-b-');
      const good = body.indexOf('14 days', Math.min(first, second));
      const winner = good === -1 ? 'A' : good < second ? 'A' : 'B';
      return jsonReply({ reasoning: 'compared', winner });
    });
  });
  afterAll(() => server.close());

  it('counts a win only when both orders agree, reports consistency per slice and each item', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-compare-live-'));
    const rows = [
      { id: 'win', input: 'Refund window?', slices: ['billing'] },
      { id: 'loss', input: 'Refund window again?', slices: ['billing'] },
      { id: 'bias', input: 'Favourite colour?', slices: ['chat'] },
    ];
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const answers = (good: string) => `export default async (item) => ({ text: item.id === '${good}' ? 'Within 14 days.' : 'Some days.' });\n`;
    writeFileSync(path.join(dir, 'student.mjs'), answers('win'));
    writeFileSync(path.join(dir, 'teacher.mjs'), answers('loss'));
    const config = {
      suites: { s: { goldenSets: ['set.jsonl'], judge: 'gpt' } },
      judges: { gpt: { provider: 'openai', model: 'gpt-4.1', baseURL: server.baseURL } },
      candidates: {
        student: { kind: 'finetuned', adapter: { type: 'module', path: 'student.mjs' } },
        teacher: { kind: 'teacher', adapter: { type: 'module', path: 'teacher.mjs' } },
      },
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
    const { stdout } = await runCli(['compare', '--candidate', 'student', '--teacher', 'teacher', '--quiet'], dir, new AbortController().signal, {
      OPENAI_API_KEY: 'sk-compare-live',
    });
    expect(stdout).toMatch(/both orders, a win only when both agree/);
    const report = CompareReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/s/student.vs.teacher.json'), 'utf8')));
    expect(report.judge).toMatchObject({ id: 'gpt', orders: 2 });
    expect(report.items).toEqual([
      { id: 'bias', winner: 'tie', original: 'a', swapped: 'b' },
      { id: 'loss', winner: 'b', original: 'b', swapped: 'b' },
      { id: 'win', winner: 'a', original: 'a', swapped: 'a' },
    ]);
    expect(report.slices.find((s) => s.slice === 'all')?.pairwise).toMatchObject({ wins: 1, ties: 1, losses: 1, winRate: 0.5, consistency: 0.6667 });
    expect(report.slices.find((s) => s.slice === 'chat')?.pairwise).toMatchObject({ ties: 1, consistency: 0 });
    expect(server.requests).toHaveLength(6);
  });
});
