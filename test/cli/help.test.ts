import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, OPTIONS, flagLabel, optionsOf, type CommandName } from '../../src/cli/options.js';
import { copyFixture, runCli } from './harness.js';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'evals.js');
const commands = Object.keys(COMMANDS) as CommandName[];

describe('evals --help and validate', () => {
  it('the global help lists every command and points to its own help', async () => {
    const { code, stdout } = await runCli(['--help'], process.cwd());
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toMatch(new RegExp(`^  ${command} +${COMMANDS[command].summary.replace(/[`()]/g, '.')}$`, 'm'));
    expect(stdout).toContain('evals <command> --help');
    expect(stdout).toContain('Exit codes');
  });

  it("each command's --help prints its flags, examples and usage, not the global help nor others' flags", async () => {
    for (const command of commands) {
      for (const argv of [
        [...command.split(' '), '--help'],
        ['help', ...command.split(' ')],
      ]) {
        const { code, stdout } = await runCli(argv, process.cwd());
        expect(code, argv.join(' ')).toBe(0);
        expect(stdout).toMatch(new RegExp(`^evals ${command} — `));
        expect(stdout).not.toContain('Commands:');
        const own = optionsOf(command);
        for (const [name, spec] of own) expect(stdout, `${command}: --${name}`).toContain(flagLabel(name, spec));
        for (const name of Object.keys(OPTIONS).filter((n) => !own.some(([o]) => o === n))) {
          expect(stdout, `${command} help shows --${name}`).not.toMatch(new RegExp(`^  (-\\w, )?--${name}(?![\\w-])`, 'm'));
        }
        for (const example of COMMANDS[command].examples) expect(stdout).toContain(example);
      }
    }
  });

  it('a flag the command does not take is exit 2 naming the command help', async () => {
    const { code, stderr } = await runCli(['diff', 'a.json', 'b.json', '--candidate', 'x'], process.cwd());
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--candidate'[\s\S]*evals diff --help/);
  });

  it('runs as the installed bin (compiled dist/)', () => {
    const out = execFileSync(process.execPath, [bin, 'run', '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^evals run — /);
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
