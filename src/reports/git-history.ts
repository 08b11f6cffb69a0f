import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { git as runGit } from './git-read.js';

/** One commit that changed a file, and the file's text as that commit left it. */
export interface FileVersion {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  subject: string;
  text: string;
}

/**
 * The last `last` commits that changed `file` (git is the results store), oldest first, each with
 * the file's text at that commit; a commit that deleted it is left out. Not inside a repository,
 * or no commit of the file: a UserError (exit 2) saying so.
 */
export function fileHistory(file: string, last: number): { shown: string; versions: FileVersion[] } {
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const top = realpathSync(runGit(dir, ['rev-parse', '--show-toplevel'], `evals history: ${dir} is not inside a git repository; history is read from the commits of the report`, 'evals history').trim());
  const real = path.join(realpathSync(dir), path.relative(dir, path.resolve(file)));
  const relative = path.relative(top, real).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UserError(`evals history: ${file} is outside the git repository ${top}`);
  // An empty repository has no HEAD: that is "no history" too, not a git failure.
  const log = runGit(top, ['log', '-n', String(last), '--format=%H%x1f%cI%x1f%s', '--diff-filter=AMR', 'HEAD', '--', relative], `evals history: no commit in ${top} yet, so ${relative} has no history`, 'evals history');
  const versions = log
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [commit = '', date = '', subject = ''] = line.split('\x1f');
      return { commit, date, subject, text: runGit(top, ['cat-file', 'blob', `${commit}:${relative}`], `evals history: cannot read ${relative} at ${commit}`, 'evals history') };
    })
    .reverse();
  if (versions.length === 0) throw new UserError(`evals history: ${relative} was never committed, so it has no history; commit the report after a run (git is where evals keeps its results)`);
  return { shown: relative, versions };
}
