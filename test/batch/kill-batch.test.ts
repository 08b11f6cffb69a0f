import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { messageReply } from '../servers/anthropic-server.js';
import { ENV_VARS, env, startBatchServer, type BatchServer } from './helpers.js';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');

describe('evals run --batch killed with SIGKILL while its batch is in flight', () => {
  let server: BatchServer | undefined;
  afterEach(async () => server?.close());

  it('picks the batch up on the rerun instead of creating a second one', async () => {
    server = await startBatchServer('anthropic', { answer: () => messageReply('Answer: 42'), pollsUntilEnded: 1_000_000 });
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-batch-kill-'));
    const rows = Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, input: `Question ${i}?`, checks: [{ type: 'contains', values: ['42'] }] }));
    writeFileSync(path.join(dir, 'set.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
    const config = {
      batchPollSeconds: 0.005,
      suites: { s: { goldenSets: ['set.jsonl'] } },
      candidates: {
        c: {
          kind: 'prompt',
          adapter: { type: 'anthropic', model: 'claude-sonnet-4-6', baseURL: server.baseURL, apiKeyEnv: ENV_VARS.anthropic, maxRetries: 0 },
        },
      },
    };
    writeFileSync(path.join(dir, 'evals.config.mjs'), `export default ${JSON.stringify(config)};\n`);
    const runs = path.join(dir, '.evals-runs', 's');
    const slotsSaved = () => existsSync(runs) && readdirSync(runs).some((f) => f.endsWith('.batches.json'));

    const run = () =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'run', '--candidate', 'c', '--batch', '--quiet'], {
          cwd: dir,
          env: { PATH: process.env.PATH, ...env('anthropic') },
          stdio: 'ignore',
        });
        const timer = setInterval(() => {
          if (server?.script.pollsUntilEnded === 1_000_000 && slotsSaved()) child.kill('SIGKILL');
        }, 5);
        child.on('exit', (code, signal) => {
          clearInterval(timer);
          resolve({ code, signal });
        });
      });

    const killed = await run();
    expect(killed.signal).toBe('SIGKILL');
    expect(server.creates()).toHaveLength(1);

    server.script.pollsUntilEnded = 1;
    const resumed = await run();
    expect(resumed.code).toBe(0);
    expect(server.creates()).toHaveLength(1);
  });
});
