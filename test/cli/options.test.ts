import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.js';
import { flagTable, missingFlagTables, withFlagTables } from '../../src/cli/help-markdown.js';
import { COMMANDS, OPTIONS, optionsOf, type CommandName } from '../../src/cli/options.js';

const commands = Object.keys(COMMANDS) as CommandName[];
const commandsDir = path.join(import.meta.dirname, '..', '..', 'src', 'cli', 'commands');

/** A value parseArgs accepts for a flag of the table. */
function argsFor(name: string): string[] {
  const spec = OPTIONS[name as keyof typeof OPTIONS];
  return spec.type === 'boolean' ? [`--${name}`] : [`--${name}`, 'x'];
}

describe('the option table', () => {
  it('every command file parses its flags from the table, and only there', () => {
    const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts'));
    // Nested commands (`labels import`) live in a folder of their own: compare top-level names.
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(commands.filter((c) => !c.includes(' ')).sort());
    for (const file of files) {
      const source = readFileSync(path.join(commandsDir, file), 'utf8');
      expect(source, file).toContain(`parseCommandArgs('${file.replace(/\.ts$/, '')}', argv)`);
      expect(source, file).not.toMatch(/\bparseArgs\(|type: '(string|boolean)'/);
    }
  });

  it('each command accepts its own flags and rejects the others with a pointer to its help', () => {
    expect(commands.filter((command) => optionsOf(command).length === 0)).toEqual(['init']);
    for (const command of commands) {
      const own = new Set(optionsOf(command).map(([name]) => name));
      for (const name of Object.keys(OPTIONS)) {
        const parse = () => parseCommandArgs(command, argsFor(name));
        if (own.has(name as keyof typeof OPTIONS)) expect(parse, `${command} --${name}`).not.toThrow();
        else expect(parse, `${command} --${name}`).toThrow(new RegExp(`Unknown option '--${name}'[\\s\\S]*evals ${command} --help`));
      }
    }
  });

  it('gives typed values: lists for repeatable flags, booleans for switches, short flags', () => {
    const { values } = parseCommandArgs('run', ['--candidate', 'a,b', '--candidate', 'c', '-u', '--suite', 's']);
    expect(values.candidate).toEqual(['a,b', 'c']);
    expect(values.update).toBe(true);
    expect(values.suite).toEqual(['s']);
    expect(values.config).toBeUndefined();
  });

  it('positionals only where the command declares them', () => {
    expect(parseCommandArgs('diff', ['a.json', 'b.json']).positionals).toEqual(['a.json', 'b.json']);
    expect(() => parseCommandArgs('run', ['stray'])).toThrow(/Unexpected argument 'stray'/);
  });

  it("every help example uses only the command's own flags", () => {
    for (const command of commands) {
      for (const example of COMMANDS[command].examples) {
        const words = example
          .replace(/#.*$/, '')
          .trim()
          .split(/\s+/)
          .map((w) => w.replace(/^"(.*)"$/, '$1'));
        expect(words.slice(0, 2 + command.split(' ').length - 1), example).toEqual(['evals', ...command.split(' ')]);
        expect(() => parseCommandArgs(command, words.slice(1 + command.split(' ').length)), example).not.toThrow();
      }
    }
  });

  it("the README's command list and flag tables are the ones the table makes (npm run readme:flags)", () => {
    const readme = readFileSync(path.join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(missingFlagTables(readme)).toEqual([]);
    expect(withFlagTables(readme) === readme, 'README flag tables are stale: run `npm run readme:flags`').toBe(true);
    for (const command of commands) expect(readme).toContain(flagTable(command));
  });
});
