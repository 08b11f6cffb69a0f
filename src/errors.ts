/** Exit codes are a contract (docs/architecture.md "Gate"): CI scripts and the Action branch on them. */
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

/** What a file-system error code means to the person running evals. */
const FS_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder is in the way of a file',
  ENOTDIR: 'a file is in the way of a folder on that path',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EMFILE: 'too many open files',
};

/**
 * A disk failure (full disk, read-only or wrong path) on a report, cache or journal path: one plain
 * line naming the path, exit 3 (the run could not finish), never a stack trace. Undefined for any
 * other error, which stays an internal error.
 */
export function fileSystemError(err: unknown): UserError | undefined {
  const { code, path, syscall } = (err ?? {}) as NodeJS.ErrnoException;
  const meaning = code === undefined ? undefined : FS_ERRORS[code];
  if (meaning === undefined || path === undefined) return undefined;
  return new UserError(`cannot ${syscall ?? 'write'} ${path}: ${meaning} (${code})`, ExitCode.runIncomplete);
}
