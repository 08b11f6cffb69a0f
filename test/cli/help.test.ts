import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './harness.js';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');

describe('evals --help and validate', () => {
  it('lists every command and flag of run', async () => {
    const { code, stdout } = await runCli(['--help'], process.cwd());
    expect(code).toBe(0);
    for (const word of ['evals run', 'evals validate', '--candidate', '--suite', '--config', '--sample', '--seed', '--concurrency', '--timeout', '--fresh', '--reports-dir', '--quiet', 'Exit codes']) {
      expect(stdout).toContain(word);
    }
  });

  it('runs as the installed bin (compiled dist/)', () => {
    const out = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^evals — /);
  });

  it('rejects an unknown command with exit 2', async () => {
    expect((await runCli(['frobnicate'], process.cwd())).code).toBe(2);
  });

  it('validate reports suites and slices without running anything', async () => {
    const dir = copyFixture('mini');
    const { code, stdout } = await runCli(['validate'], dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/suite mini: 7 items \(faults 3, geo 2, long-tail 1, math 2\)/);
  });
});
