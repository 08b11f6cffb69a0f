import { loadConfig } from '../config/load.js';
import { errorMessage, ExitCode, UserError } from '../errors.js';
import { listFlag } from '../cli/args.js';
import { escapeData } from '../reports/github.js';
import { cacheKey } from './cache-inputs.js';
import { setOutputs } from '../util/github-outputs.js';

/**
 * The Action's cache-key step (action.yml): where `.evals-cache` is and the key actions/cache
 * keeps it under, so a rerun pays no candidate or judge call it has paid before.
 */
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const loaded = await loadConfig(env['EVALS_CONFIG'] || undefined, process.cwd());
  const prefix = `evals-cache-${env['RUNNER_OS'] ?? 'local'}-${(env['EVALS_CANDIDATES'] ?? '').replace(/[^\w.,-]/g, '_')}-`;
  const key = cacheKey(loaded, listFlag([env['EVALS_SUITES'] ?? '']), prefix);
  setOutputs(env, { key, 'restore-prefix': prefix, path: loaded.resolve(loaded.config.cacheDir) });
  process.stdout.write(`evals: cache ${loaded.display(loaded.resolve(loaded.config.cacheDir))} under ${key}\n`);
}

main(process.env).catch((err: unknown) => {
  process.stdout.write(`::error title=evals action::${escapeData(errorMessage(err))}\n`);
  process.exit(err instanceof UserError ? err.exitCode : ExitCode.runIncomplete);
});
