/** Exit codes are a contract (DESIGN.md "Gate"): CI scripts and the Action branch on them. */
export const ExitCode = {
  ok: 0,
  gateFailed: 1,
  badInput: 2,
  runIncomplete: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A mistake of the user's (bad flag, config, golden set, rubric): printed as one plain message,
 * never with a stack trace, and the process exits 2 before anything is written.
 */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = ExitCode.badInput) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/** `file:line: message`, the form every input error takes so editors and CI can link to it. */
export function locate(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
