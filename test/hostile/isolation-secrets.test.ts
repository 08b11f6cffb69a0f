import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../servers/loopback.js';
import { FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, evals, expectClean, filesWithFakeKeys, project, reportHashes } from './helpers-isolation.js';

const SERVICE_TOKEN = 'tok-FAKE-service-0123456789abcdef';

/** A command candidate that answers with what it can see of the secrets, or misbehaves with them. */
const SPY = `let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => {
  const item = JSON.parse(input);
  const mode = process.argv[2];
  const key = process.env.OPENAI_API_KEY;
  if (mode === 'list') {
    const seen = Object.keys(process.env).filter((n) => /KEY|TOKEN|JUDGE_VAR|CANDIDATE_MODE|PATH/.test(n)).sort();
    process.stdout.write(JSON.stringify({ text: seen.join(',') }));
  } else if (mode === 'stderr') {
    process.stderr.write('auth failed for key ' + key + ' and ' + process.env.ANTHROPIC_API_KEY + '\\n');
    process.exit(1);
  } else if (mode === 'answer') {
    process.stdout.write(JSON.stringify({ text: 'my key is ' + key }));
  } else {
    process.stdout.write('not json, but the key: ' + key);
  }
});
`;

const command = (mode: string, extra: Record<string, unknown> = {}) => ({
  kind: 'prompt',
  adapter: { type: 'command', command: ['node', 'spy.mjs', mode], ...extra },
});

/** The committed baseline every case keeps: suite `s` of a well-behaved candidate. */
const GOOD = `export default async (item) => ({ text: item.reference });\n`;

describe('no secret in any artifact', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    // Echoes the request's authorization header at the end of a long error body, past the
    // 200 characters an error message quotes.
    server = await startLoopbackServer((request) => ({
      status: request.path.includes('notjson') ? 200 : 500,
      text: `${'upstream failure '.repeat(12)} while calling with header ${String(request.headers.authorization)}`,
    }));
  });
  afterAll(async () => {
    await server.close();
  });

  async function setup(candidates: Record<string, unknown>) {
    const dir = project(
      { good: { kind: 'prompt', adapter: { type: 'module', path: 'good.mjs' } }, ...candidates },
      { 'spy.mjs': SPY, 'good.mjs': GOOD },
      {
        suites: { s: { goldenSets: ['set.jsonl'], gate: { maxErrors: 0 } }, lenient: { goldenSets: ['set.jsonl'], gate: { maxErrors: 100 } } },
        judges: { j: { provider: 'openai', model: 'gpt-4o-mini', apiKeyEnv: 'JUDGE_VAR', baseURL: 'http://127.0.0.1:9/v1' } },
      },
    );
    expect((await evals(dir, ['run', '--candidate', 'good', '--suite', 's'])).code).toBe(0);
    return { dir, before: reportHashes(dir) };
  }
  // A run whose every item errored never becomes the baseline (exit 3): its report is the .new.* set.
  const reportFile = (dir: string, candidate: string, ext: string) => {
    const file = path.join(dir, 'reports', 'lenient', `${candidate}.new.${ext}`);
    return existsSync(file) ? file : path.join(dir, 'reports', 'lenient', `${candidate}.${ext}`);
  };
  const report = (dir: string, candidate: string) =>
    JSON.parse(readFileSync(reportFile(dir, candidate, 'json'), 'utf8')) as { items: Array<{ id: string; error?: { message: string } }> };
  const answers = (dir: string, candidate: string) =>
    readFileSync(reportFile(dir, candidate, 'outputs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { text: string }).text);

  it('an http error body is redacted before it is cut short (the key sat past the cut)', async () => {
    const { dir, before } = await setup({
      web: { kind: 'rag', adapter: { type: 'http', url: `${server.origin}/answer`, headers: { authorization: 'Bearer ${SERVICE_TOKEN}' } } },
    });
    const run = await evals(dir, ['run', '--candidate', 'web', '--suite', 'lenient'], { SERVICE_TOKEN });
    expectClean(run, 3, before, dir);
    const errors = report(dir, 'web').items.map((i) => i.error?.message ?? '');
    expect(errors[0]).toMatch(/^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/answer: upstream failure/);
    for (const message of errors) expect(message).not.toContain('tok-FAKE');
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SERVICE_TOKEN}`);
  });

  it('an http reply that is not JSON is quoted redacted', async () => {
    const { dir, before } = await setup({
      web: { kind: 'rag', adapter: { type: 'http', url: `${server.origin}/notjson`, headers: { authorization: 'Bearer ${OPENAI_API_KEY}' } } },
    });
    const run = await evals(dir, ['run', '--candidate', 'web', '--suite', 'lenient']);
    expectClean(run, 3, before, dir);
    const message = report(dir, 'web').items[0]?.error?.message ?? '';
    expect(message).toMatch(/^response is not JSON: upstream failure/);
    expect(message).not.toContain('sk-test');
  });

  it('a command candidate sees no provider key, apiKeyEnv or *_TOKEN unless passed on', async () => {
    const { dir, before } = await setup({ spy: command('list', { env: { CANDIDATE_MODE: 'x' } }), passed: command('list', { passEnv: ['OPENAI_API_KEY'] }) });
    const extra = { SERVICE_TOKEN, JUDGE_VAR: 'judge-secret-0123456789', SOME_API_KEY: 'other-secret-0123456789', GITHUB_TOKEN: 'gh-secret-0123456789' };
    const run = await evals(dir, ['run', '--candidate', 'spy', '--candidate', 'passed', '--suite', 'lenient'], extra);
    expectClean(run, 0, before, dir);
    expect(new Set(answers(dir, 'spy'))).toEqual(new Set(['CANDIDATE_MODE,PATH']));
    expect(new Set(answers(dir, 'passed'))).toEqual(new Set(['OPENAI_API_KEY,PATH']));
  });

  it("a command candidate's stderr is redacted in the error it leaves", async () => {
    const { dir, before } = await setup({ spy: command('stderr', { passEnv: ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY'] }) });
    const run = await evals(dir, ['run', '--candidate', 'spy', '--suite', 'lenient']);
    expectClean(run, 3, before, dir);
    expect(report(dir, 'spy').items[0]?.error?.message).toBe('node exited with code 1; stderr: auth failed for key [redacted] and [redacted]');
  });

  it('a key passed on and printed in the answer is redacted in the answer', async () => {
    const { dir, before } = await setup({ spy: command('answer', { passEnv: ['OPENAI_API_KEY'] }) });
    const run = await evals(dir, ['run', '--candidate', 'spy', '--suite', 'lenient']);
    expectClean(run, 0, before, dir);
    expect(new Set(answers(dir, 'spy'))).toEqual(new Set(['my key is [redacted]']));
  });

  it('a key printed as garbage on stdout is redacted in the bad-output error', async () => {
    const { dir, before } = await setup({ spy: command('garbage', { passEnv: ['OPENAI_API_KEY'] }) });
    const run = await evals(dir, ['run', '--candidate', 'spy', '--suite', 'lenient']);
    expectClean(run, 3, before, dir);
    expect(report(dir, 'spy').items[0]?.error?.message).toBe('node printed no JSON answer: not json, but the key: [redacted]');
  });

  // The grep over every file the tests above left (reports, caches, journals, logs): after them all,
  // in whatever order they ran, so it is a hook and not a test that would need to run last.
  afterAll(() => {
    const { files, leaks } = filesWithFakeKeys();
    expect(files).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
    for (const key of [FAKE_OPENAI_KEY, FAKE_ANTHROPIC_KEY]) expect(key.length).toBeGreaterThan(20);
  });
});
