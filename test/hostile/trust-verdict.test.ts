import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterLabel, errorGroupLines } from '../../src/reports/error-groups.js';
import { runOutcome } from '../../src/reports/run-outcome.js';
import { committed, expectEnd, failItems, hostileProject, read, runCli, withBaseline, write } from './helpers-trust.js';

const passing = { passed: true, failures: [], notes: [] };

describe('runOutcome: one verdict for the gate line and the exit code', () => {
  it('errors over budget are INCOMPLETE (3) even when the comparison passed, and -u does not change that', () => {
    const outcome = runOutcome({ verdict: passing, items: 10, errors: 2, maxErrors: 1, unscored: [], allowUnscored: false, update: true });
    expect(outcome).toMatchObject({ exitCode: 3, headline: 'INCOMPLETE', verdict: { passed: false } });
    expect(outcome.verdict.failures[0]?.message).toBe('2 items ended in an error, over the budget of 1 (gate.maxErrors): the run could not finish');
  });

  it('every item errored is INCOMPLETE whatever the budget; an unscored gated metric is NOT DECIDED unless allowed', () => {
    expect(runOutcome({ verdict: passing, items: 3, errors: 3, maxErrors: 10, unscored: [], allowUnscored: false, update: false }).exitCode).toBe(3);
    const unscored = [{ metric: 'faithfulness', reason: 'ANTHROPIC_API_KEY is not set' }];
    expect(runOutcome({ verdict: passing, items: 3, errors: 0, maxErrors: 0, unscored, allowUnscored: false, update: false })).toMatchObject({
      exitCode: 2,
      headline: 'NOT DECIDED',
    });
    expect(runOutcome({ verdict: passing, items: 3, errors: 0, maxErrors: 0, unscored, allowUnscored: true, update: false })).toMatchObject({
      exitCode: 0,
      headline: 'passed',
    });
  });
});

describe('error groups', () => {
  it('groups reasons with counts, most frequent first, naming the adapter and where it points', () => {
    const refused = { error: { kind: 'api', message: 'API connection failed: Connection error. ECONNREFUSED 127.0.0.1:18999' } };
    const items = [...Array.from({ length: 20 }, () => refused), { error: { kind: 'timeout', message: 'timed out after 60000 ms' } }, {}];
    const label = adapterLabel({ type: 'openai', options: { model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:18999/v1?key=SECRET' } });
    expect(label).toBe('openai gpt-4o-mini http://127.0.0.1:18999/v1');
    expect(errorGroupLines(items, label)).toEqual([
      'api: API connection failed: Connection error. ECONNREFUSED 127.0.0.1:18999 (openai gpt-4o-mini http://127.0.0.1:18999/v1) x 20',
      'timeout: timed out after 60000 ms (openai gpt-4o-mini http://127.0.0.1:18999/v1) x 1',
    ]);
  });
});

/** A port nothing listens on: bound once, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the verdict printed is the verdict returned', () => {
  it('a run over its error budget prints gate: INCOMPLETE, never gate: passed, and the Markdown and JUnit say failed', async () => {
    const dir = hostileProject();
    const before = await withBaseline(dir);
    failItems(dir, ['q-01']);
    const result = await runCli(['run', '--candidate', 'count', '--suite', 'mini', '--summary', 'summary.md', '--junit', 'junit.xml'], dir);
    expectEnd(result, 3, /gate: INCOMPLETE \(against reports\/mini\/count\.json/);
    expect(result.stdout).not.toMatch(/gate: passed/);
    expect(result.stderr).toMatch(
      /mini\/count: 1 item ended in an error, over the budget of 0 \(gate\.maxErrors\):\n {2}crash: upstream refused q-01 \(module count\.mjs\) x 1/,
    );
    expect(read(dir, 'summary.md')).toMatch(/gate failed/);
    expect(read(dir, 'junit.xml')).toMatch(/<failure[^>]*type="errors"/);
    expect(committed(dir)).toEqual(before);
  });

  it('a candidate whose server is down: exit 3 with ECONNREFUSED, the address, adapter and model, grouped with a count', async () => {
    const dir = hostileProject();
    const port = await closedPort();
    const config = read(dir, 'evals.config.ts').replace(
      'candidates: {',
      `candidates: {\n    down: { kind: 'prompt', adapter: { type: 'openai', model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:${port}/v1', maxRetries: 0 } },`,
    );
    write(dir, 'evals.config.ts', config);
    const result = await runCli(['run', '--candidate', 'down', '--suite', 'mini', '--quiet'], dir, undefined, { OPENAI_API_KEY: 'sk-test-not-a-key' });
    expectEnd(result, 3, new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${port} \\(openai gpt-4o-mini http://127\\.0\\.0\\.1:${port}/v1\\) x 4`));
    expect(result.stdout).toMatch(/gate: INCOMPLETE/);
    expect(committed(dir, 'mini', 'down')).toEqual({});
    expect(readFileSync(path.join(dir, 'reports/mini/down.new.json'), 'utf8')).not.toMatch(/sk-test-not-a-key/);
  });
});
