import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';
import { COMMANDS, optionsOf, type CommandName, type CommandSpec, type CommandValues } from './options.js';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's flags, as the option table (src/cli/options.ts) declares them, parsed by node:util
 * parseArgs in strict mode; its errors become usage errors (exit 2).
 */
export function parseCommandArgs<C extends CommandName>(command: C, argv: string[]): { values: CommandValues<C>; positionals: string[] } {
  const options: ParseOptions = {};
  for (const [name, spec] of optionsOf(command)) {
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  }
  const spec: CommandSpec = COMMANDS[command];
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: spec.positionals !== undefined });
    // The table built `options`, so the values have the shapes CommandValues derives from it.
    return { values: values as CommandValues<C>, positionals };
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError(`evals ${command}: ${message}\nRun \`evals ${command} --help\` for its flags.`);
  }
}

export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UserError(`--${flag} takes a whole number above 0, got "${value}"`);
  return n;
}

export function nonNegativeInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new UserError(`--${flag} takes a whole number, got "${value}"`);
  return n;
}

export function positiveNumber(flag: string, value: string | undefined, max = Number.MAX_VALUE, why = ''): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`--${flag} takes a number above 0, got "${value}"`);
  if (n > max) throw new UserError(`--${flag} takes at most ${max}${why}, got "${value}"`);
  return n;
}

/** `--candidate a,b --candidate c` -> [a, b, c]. */
export function listFlag(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A flag that takes one value although the table lets it repeat for other commands. */
export function singleFlag(command: string, flag: string, values: string[] | undefined): string | undefined {
  const list = listFlag(values);
  if (list.length > 1) throw new UserError(`evals ${command}: --${flag} takes one id, got ${list.join(', ')}`);
  return list[0];
}
