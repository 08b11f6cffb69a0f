import { COMMANDS, flagDescription, flagLabel, optionsOf, type CommandName, type CommandSpec } from './options.js';

/** Made from the option table (src/cli/options.ts), which imports nothing, so `evals --help` loads nothing else. */

const WIDTH = 100;

export function globalHelp(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  return [
    'evals — evaluate LLM systems on golden sets and gate CI on regressions',
    '',
    'Usage: evals <command> [options]',
    '',
    'Commands:',
    ...columns(
      names.map((name) => [name, COMMANDS[name].summary] as const),
      2,
    ),
    '',
    'Run `evals <command> --help` for its flags and examples; `evals --version` for the version.',
    '',
    ...EXIT_CODES,
  ]
    .join('\n')
    .concat('\n');
}

/** `evals <command> --help`: its usage, its flags from the table, examples and notes. */
export function commandHelp(command: CommandName): string {
  const spec: CommandSpec = COMMANDS[command];
  const flags = optionsOf(command).map(([name, option]) => [flagLabel(name, option), flagDescription(command, option)] as const);
  return [
    `evals ${command} — ${spec.summary}`,
    '',
    `Usage: ${spec.usage}`,
    '',
    ...(flags.length > 0 ? ['Options:', ...columns(flags, 2), ''] : []),
    'Examples:',
    ...spec.examples.map((example) => `  ${example}`),
    ...(spec.notes ?? []).flatMap((note) => ['', ...wrap(note, WIDTH)]),
    '',
    ...EXIT_CODES,
  ]
    .join('\n')
    .concat('\n');
}

const EXIT_CODES = [
  'Exit codes: 0 passed · 1 a gate failed · 2 bad usage, config or input · 3 run incomplete',
  "(errors over the suite's maxErrors budget, or interrupted).",
];

/** Two columns, the second wrapped and aligned under itself. */
function columns(rows: Array<readonly [string, string]>, indent: number): string[] {
  const left = Math.min(32, Math.max(...rows.map(([l]) => l.length)));
  return rows.flatMap(([label, text]) => {
    const pad = ' '.repeat(indent);
    const lines = wrap(text, WIDTH - indent - left - 2);
    if (label.length > left) return [`${pad}${label}`, ...lines.map((line) => `${pad}${' '.repeat(left + 2)}${line}`)];
    const [first = '', ...rest] = lines;
    return [`${pad}${label.padEnd(left + 2)}${first}`.trimEnd(), ...rest.map((line) => `${pad}${' '.repeat(left + 2)}${line}`)];
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
