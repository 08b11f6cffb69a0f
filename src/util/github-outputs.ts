import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/**
 * Appends step outputs to $GITHUB_OUTPUT in the multiline form (`name<<DELIMITER`), so a value
 * with newlines (a list of paths) cannot end early or set another output.
 */
export function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env['GITHUB_OUTPUT'];
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => {
    const delimiter = `EOF_${randomUUID()}`;
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  });
  appendFileSync(file, lines.join(''));
}

/** Appends Markdown to the job summary ($GITHUB_STEP_SUMMARY). */
export function appendSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
}
