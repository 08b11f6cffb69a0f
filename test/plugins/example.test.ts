import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPlugins } from '../../src/plugins/register.js';
import { ReportSchema } from '../../src/report-schema.js';
import { runCli } from '../cli/harness.js';
import { jsonReply, lastUserContent, requestedJsonSchema, startOpenAIServer, type OpenAIServer } from '../servers/openai-server.js';

/**
 * examples/plugins as a user has it: its config imports only from `evals-gate` (linked to this
 * repository's build, as an install would resolve it) and defines a check, a judge kind, an
 * adapter and a reporter of its own. The packed tarball runs it too (test/package/pack.test.ts).
 */

const repo = path.resolve(import.meta.dirname, '../..');
let server: OpenAIServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'evals-plugins-'));
  cpSync(path.join(repo, 'examples/plugins'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(repo, path.join(dir, 'node_modules', 'evals-gate'), 'dir');
  // The stand-in judge says an answer escalates when the answer (inside its delimiters) hands the case to a human agent.
  server = await startOpenAIServer((request) => jsonReply({ reasoning: 'read it', escalates: /<answer-\w+>[^<]*human agent/.test(lastUserContent(request)) }));
});

afterAll(async () => {
  await server?.close();
  registerPlugins([]);
});

describe('examples/plugins', () => {
  it('runs: the plugin adapter answers, the plugin check and judge kind score, the plugin reporter writes a Slack message', async () => {
    const ran = await runCli(['run', '--quiet'], dir, undefined, { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.baseURL });
    expect(ran.code, ran.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'reports/tickets/desk.json'), 'utf8')));
    const scores = Object.fromEntries(report.items.map((item) => [item.id, item.scores]));
    // The desk quotes T-1999, which does not exist; the password question names no ticket, so the check does not apply.
    expect(scores).toMatchObject({ 'status-1001': { 'ticket-id': 1 }, 'refund-1003': { 'ticket-id': 1 }, 'unknown-1999': { 'ticket-id': 0 } });
    expect(scores['password']).not.toHaveProperty('ticket-id');
    // Every item says whether it should escalate; the desk hands the refund to a person, but not the complaint asking for one.
    expect(report.items.map((item) => [item.id, item.scores['escalation']])).toEqual([
      ['complaint-1001', 0],
      ['password', 1],
      ['refund-1003', 1],
      ['status-1001', 1],
      ['status-1002', 1],
      ['unknown-1999', 1],
    ]);
    const judged = server.requests.filter((r) => requestedJsonSchema(r)?.name === 'escalation_verdict');
    expect(judged).toHaveLength(6);
    expect(lastUserContent(judged[0]!)).toMatch(/<answer-[0-9a-f]{16}>/);
    const slack = JSON.parse(readFileSync(path.join(dir, 'reports/tickets/desk.slack.json'), 'utf8')) as { text: string; blocks: unknown[] };
    expect(slack.text).toBe('evals tickets · desk: pass 67% of 6 items, 0 errors');
    expect(JSON.stringify(slack.blocks)).toContain('unknown-1999: ticket-id: quotes T-1999, which does not exist');
  });

  it("a bad option of the plugin check is exit 2 with file:line, as a built-in's is", async () => {
    // On a copy: the other tests run the example as shipped.
    const bad = mkdtempSync(path.join(tmpdir(), 'evals-plugins-bad-'));
    cpSync(dir, bad, { recursive: true });
    appendFileSync(path.join(bad, 'tickets.jsonl'), `${JSON.stringify({ id: 'bad', input: 'T-1001?', checks: [{ type: 'ticket-id', known: 'T-1001' }] })}\n`);
    const ran = await runCli(['validate'], bad);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('tickets.jsonl:7: "checks.0.known": expected array, received string');
  });

  it('is what README "Plugins" shows', () => {
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Plugins'), readme.indexOf('\n## ', readme.indexOf('## Plugins') + 1));
    for (const file of ['plugins/ticket-id.ts', 'evals.config.ts']) {
      expect(section, file).toContain(`\`\`\`ts\n${readFileSync(path.join(repo, 'examples/plugins', file), 'utf8')}\`\`\``);
    }
  });
});
