import { execFileSync } from 'node:child_process';
import { UserError } from '../errors.js';

/**
 * Makes sure the base commit is in the checkout: actions/checkout fetches only the head by
 * default, so the base is fetched by sha (one commit, no history) when it is missing.
 */
export function ensureCommit(dir: string, sha: string, log: (line: string) => void): void {
  if (hasCommit(dir, sha)) return;
  log(`evals: fetching the base commit ${sha}`);
  try {
    execFileSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', sha], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch {
    throw new UserError(
      `evals action: cannot fetch the pull request's base commit ${sha} from origin; check out with fetch-depth: 0, or let the job read the repository`,
    );
  }
  if (!hasCommit(dir, sha)) throw new UserError(`evals action: the base commit ${sha} is still missing after fetching it`);
}

/**
 * Makes sure the drift budget's anchor is in the checkout: actions/checkout fetches no tags by
 * default, so a missing one is fetched as a tag. A ref that still cannot be found is left to evals,
 * which names it (exit 2).
 */
export function ensureTag(dir: string, ref: string, log: (line: string) => void): void {
  if (hasCommit(dir, ref)) return;
  log(`evals: fetching the drift anchor ${ref}`);
  try {
    execFileSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', `+refs/tags/${ref}:refs/tags/${ref}`], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  } catch {
    log(`evals: no tag ${ref} on origin`);
  }
}

function hasCommit(dir: string, sha: string): boolean {
  try {
    execFileSync('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
