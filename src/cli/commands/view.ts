import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { startViewServer } from '../../view/server.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

/** `evals view [reports-dir]`: serves the reports folder on 127.0.0.1 until Ctrl-C. */
export default async function view(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('view', argv);
  const [dirArg = 'reports', ...extra] = positionals;
  if (extra.length > 0) throw new UserError('usage: evals view [reports-dir]');
  const root = path.resolve(io.cwd, dirArg);
  if (!isDirectory(root)) throw new UserError(`${dirArg}: no such folder (evals run writes reports/; pass the folder that holds them)`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port ${values.port}: not a port (0 to 65535; 0 picks a free one)`);

  let server;
  try {
    server = await startViewServer(root, port, dirArg);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new UserError(`--port ${port}: ${code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}; pick another, or leave --port out for a free one`);
    throw err;
  }
  io.stdout.write(`evals view: ${dirArg} at ${server.url} (Ctrl-C stops)\n`);
  if (values.open) openBrowser(server.url, io);
  await new Promise<void>((resolve) => {
    if (io.interrupt.aborted) resolve();
    else io.interrupt.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  return ExitCode.ok;
}

/** The desktop's URL opener, given our own URL as an argument (no shell); never under CI. */
function openBrowser(url: string, io: CliIO): void {
  const ci = io.env['CI'];
  if (ci && ci !== 'false' && ci !== '0') {
    io.stdout.write('  --open ignored: CI is set, and there is no one to look\n');
    return;
  }
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => io.stderr.write(`  could not open a browser (${command}); open ${url} yourself\n`));
  child.unref();
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
