import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from './harness.js';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');

describe('evals --help and validate', () => {
  it('lists every command and every flag each command parses', async () => {
    const { code, stdout } = await runCli(['--help'], process.cwd());
    expect(code).toBe(0);
    const commands = path.join(import.meta.dirname, '..', '..', 'src', 'cli', 'commands');
    const files = readdirSync(commands).filter((f) => f.endsWith('.ts'));
    expect(files.sort()).toEqual(['calibrate.ts', 'compare.ts', 'diff.ts', 'forgetting.ts', 'merge.ts', 'run.ts', 'validate.ts']);
    for (const file of files) {
      expect(stdout).toContain(`evals ${file.replace(/\.ts$/, '')}`);
      // The flags a command declares to parseArgs: `name: { type: ... }` entries.
      const flags = [...readFileSync(path.join(commands, file), 'utf8').matchAll(/'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/g)].map((m) => m[1]);
      expect(flags.length).toBeGreaterThan(0);
      for (const flag of flags) expect(stdout, `${file}: --${flag}`).toContain(`--${flag}`);
    }
    expect(stdout).toContain('Exit codes');
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
