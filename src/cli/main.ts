import { ExitCode, UserError, fileSystemError } from '../errors.js';
import { commandHelp, globalHelp } from './help.js';
import type { CommandName } from './options.js';
import { plainTextIO, processIO, type CliIO } from './io.js';
import { version } from '../version.js';

/** Every command of the option table (src/cli/options.ts), loaded lazily. */
const COMMANDS: Record<CommandName, () => Promise<{ default: (argv: string[], io: CliIO) => Promise<number> }>> = {
  run: () => import('./commands/run.js'),
  validate: () => import('./commands/validate.js'),
  merge: () => import('./commands/merge.js'),
  diff: () => import('./commands/diff.js'),
  calibrate: () => import('./commands/calibrate.js'),
  labels: () => import('./commands/labels.js'),
  forgetting: () => import('./commands/forgetting.js'),
  compare: () => import('./commands/compare.js'),
  coverage: () => import('./commands/coverage.js'),
  init: () => import('./commands/init.js'),
  history: () => import('./commands/history.js'),
  view: () => import('./commands/view.js'),
};

/** Entry point: dispatches to a command (imported lazily, so --help stays fast) and maps errors to exit codes. */
export async function main(argv: string[], rawIO: CliIO = processIO()): Promise<number> {
  const io = plainTextIO(rawIO);
  const [command, ...rest] = argv;
  if (command === 'help' && rest[0] !== undefined && Object.hasOwn(COMMANDS, rest[0])) {
    io.stdout.write(commandHelp(rest[0] as CommandName));
    return ExitCode.ok;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(globalHelp());
    return command === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr.write(`evals: unknown command "${command}"\n\n${globalHelp()}`);
    return ExitCode.badInput;
  }
  const name = command as CommandName;
  const load = COMMANDS[name];
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(commandHelp(name));
    return ExitCode.ok;
  }
  try {
    return await (await load()).default(rest, io);
  } catch (err) {
    const user = err instanceof UserError ? err : fileSystemError(err);
    if (user) {
      io.stderr.write(`error: ${user.message}\n`);
      return user.exitCode;
    }
    // Not the user's fault: show everything, and say the run did not finish.
    io.stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return ExitCode.runIncomplete;
  } finally {
    // A command's run locks never outlive it, even when it ends in an error (imported here, not
    // at the top, so `--help` stays fast).
    (await import('../runner/run-lock.js')).releaseRunLocks();
  }
}
