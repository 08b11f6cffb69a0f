import { markdownTable } from '../reports/table.js';
import { COMMANDS, flagDescription, flagLabel, optionsOf, type CommandName } from './options.js';

const START = (command: string) => `<!-- flags:${command} (made from src/cli/options.ts by \`npm run readme:flags\`) -->`;
const END = (command: string) => `<!-- /flags:${command} -->`;

/** A command's flags as the README's Markdown table. */
export function flagTable(command: CommandName): string {
  if (optionsOf(command).length === 0) return `\`evals ${command}\` takes no flags.`;
  return markdownTable(
    ['flag', 'meaning'],
    optionsOf(command).map(([name, spec]) => [`\`${flagLabel(name, spec)}\``, flagDescription(command, spec)]),
  );
}

/** Every command's usage line and summary, as a code block. */
export function commandList(): string {
  const rows = (Object.keys(COMMANDS) as CommandName[]).map((name) => [COMMANDS[name].usage, COMMANDS[name].summary] as const);
  const width = Math.max(...rows.map(([usage]) => usage.length));
  return ['```', ...rows.map(([usage, summary]) => `${usage.padEnd(width)}   ${summary}`), '```'].join('\n');
}

const SECTIONS: ReadonlyArray<readonly [string, () => string]> = [
  ['commands', commandList],
  ...(Object.keys(COMMANDS) as CommandName[]).map((command) => [command, () => flagTable(command)] as const),
];

/** The README with the command list and every command's flag table (between their markers) made afresh. */
export function withFlagTables(readme: string): string {
  let text = readme;
  for (const [name, render] of SECTIONS) {
    const start = text.indexOf(START(name));
    const end = text.indexOf(END(name));
    if (start < 0 || end < start) continue;
    text = `${text.slice(0, start)}${START(name)}\n${render()}\n${text.slice(end)}`;
  }
  return text;
}

/** Sections the README lacks (no markers). */
export function missingFlagTables(readme: string): string[] {
  return SECTIONS.map(([name]) => name).filter((name) => !readme.includes(START(name)) || !readme.includes(END(name)));
}
