import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEnvFile } from '../../src/cli/env-file.js';
import type { CliIO } from '../../src/cli/io.js';
import { copyFixture, runCli } from './harness.js';

const io = (cwd: string, env: NodeJS.ProcessEnv): CliIO => ({
  stdout: { write: () => true },
  stderr: { write: () => true },
  cwd,
  env,
  interrupt: new AbortController().signal,
});

describe('--env-file and .env', () => {
  it('adds the file variables without overriding those already set', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-env-'));
    writeFileSync(path.join(dir, 'keys.env'), 'A_KEY=from-file\nB_KEY="quoted value"\n# comment\n');
    const { env } = withEnvFile(io(dir, { A_KEY: 'already-set' }), 'keys.env', dir);
    expect(env).toEqual({ A_KEY: 'already-set', B_KEY: 'quoted value' });
  });

  it('reads .env beside the config when no --env-file is given, and nothing when there is none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'evals-env-'));
    const none = io(dir, {});
    expect(withEnvFile(none, undefined, dir)).toBe(none);
    writeFileSync(path.join(dir, '.env'), 'C_KEY=c\n');
    expect(withEnvFile(none, undefined, dir).env).toEqual({ C_KEY: 'c' });
  });

  it('a missing --env-file is exit 2 naming it', async () => {
    const dir = copyFixture('mini');
    const { code, stderr } = await runCli(['run', '--candidate', 'echo', '--env-file', 'nope.env'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--env-file nope\.env: cannot read/);
  });

  it('a judge key from .env is used (the metric is scored, not skipped) and its value is written nowhere', async () => {
    const dir = copyFixture('mini');
    const secret = 'sk-evals-test-env-file-0123456789';
    writeFileSync(path.join(dir, '.env'), `EVALS_TEST_ENV_KEY=${secret}\n`);
    writeFileSync(
      path.join(dir, 'judged.config.mjs'),
      `export default {
  suites: { one: { goldenSets: ['mini.jsonl'], judges: [{ kind: 'reference', judge: 'j' }], gate: { maxErrors: 10 } } },
  candidates: { echo: { kind: 'prompt', adapter: { type: 'module', path: 'echo.ts' } } },
  judges: { j: { provider: 'openai', model: 'gpt-4o-mini', baseURL: 'http://127.0.0.1:9/v1', apiKeyEnv: 'EVALS_TEST_ENV_KEY', maxRetries: 0 } },
};\n`,
    );
    const { stdout, stderr } = await runCli(['run', '--config', 'judged.config.mjs', '--slice', 'math', '--quiet'], dir);
    expect(stdout).not.toContain('not scored');
    expect(`${stdout}${stderr}`).not.toContain(secret);
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? files(path.join(d, f)) : [path.join(d, f)]));
    for (const file of files(dir).filter((f) => !f.endsWith('.env'))) expect(readFileSync(file, 'utf8'), file).not.toContain(secret);
  });
});
