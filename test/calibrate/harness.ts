import calibrate from '../../src/cli/commands/calibrate.js';
import { UserError } from '../../src/errors.js';

export interface CalibrateResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `evals calibrate` in-process, mapping a UserError to its message and exit code as the CLI
 * entry does. (Drives the command module directly until `calibrate` is wired into src/cli/main.ts.)
 */
export async function runCalibrate(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CalibrateResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd,
    env,
    interrupt: new AbortController().signal,
  };
  try {
    return { code: await calibrate(argv, io), stdout, stderr };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return { code: err.exitCode, stdout, stderr: `${stderr}error: ${err.message}\n` };
  }
}
