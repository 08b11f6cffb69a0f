import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Copies a fixture project to a fresh temp folder, so each test writes its own reports. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `evals-${name}-`));
  cpSync(path.join(import.meta.dirname, '..', 'fixtures', name), dir, { recursive: true });
  return dir;
}

/** Runs the CLI in-process against a folder, capturing output; `interrupt` simulates Ctrl-C. */
export async function runCli(argv: string[], cwd: string, interrupt = new AbortController().signal, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
    interrupt,
  });
  return { code, stdout, stderr };
}
