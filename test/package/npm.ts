import { spawn } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repo = path.resolve(import.meta.dirname, '..', '..');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell, not of `npm test`: no npm_* variables from the outer npm, no
 * provider keys or base URLs, and npm offline so nothing is ever fetched (not even the other
 * package named `evals` should `npx evals` miss the local bin).
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_|_API_KEY$|_BASE_URL$|^GITHUB_|^CI$/i.test(key)) env[key] = value;
  }
  const git = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  return { ...env, ...git, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Runs a program (never through a shell) and resolves with its exit code and output. */
export function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = userEnv()): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Throws with the output when a setup step fails, so the failure says why. */
export async function mustExec(command: string, args: string[], cwd: string): Promise<Ran> {
  const ran = await exec(command, args, cwd);
  if (ran.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${ran.code}\n${ran.stdout}\n${ran.stderr}`);
  return ran;
}

/**
 * A copy of the repository as a fresh clone has it (no dist/, no node_modules of its own: the
 * repository's are linked for tsc), to pack without rewriting the dist/ that other test files
 * run at the same time. test/ and reports/ are copied so that leaving them out is the package's doing.
 */
export function cloneForPack(into: string): string {
  const skip = new Set(['.git', 'node_modules', 'dist', '.evals-cache', '.evals-runs', '.evals-shards', 'coverage']);
  cpSync(repo, into, { recursive: true, filter: (source) => !skip.has(path.relative(repo, source).split(path.sep)[0] ?? '') });
  symlinkSync(path.join(repo, 'node_modules'), path.join(into, 'node_modules'), 'dir');
  return into;
}

/**
 * Writes a project that depends on the tarball, with a lockfile holding the package's
 * dependencies at the versions (and integrity) of the repository's own lockfile, so `npm ci`
 * installs them from npm's cache with no network: `npm install <tarball>` would first ask the
 * registry for every dependency's version list.
 */
export function writeProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'my-project', dependencies: { [pkg.name as string]: spec } },
    [`node_modules/${pkg.name as string}`]: {
      version: pkg.version,
      resolved: spec,
      license: pkg.license,
      dependencies: pkg.dependencies,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key !== '' && !entry.dev) packages[key] = entry;
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'my-project', private: true, dependencies: { [pkg.name as string]: spec } }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'my-project', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}
