import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/** A report is read whole; the answers file beside it can be large. */
const MAX_BYTES = 1024 * 1024 * 1024;

/** A file as it is at a git ref, read with git itself (no shell): what a PR's base commit holds. */
export interface GitFileReader {
  /** The commit the ref names, resolved once. */
  commit: string;
  /** The file's text at that commit; undefined when the commit has no such file. */
  read(file: string): string | undefined;
  /** `<ref>:<path from the repository root>`, for messages. */
  show(file: string): string;
  /** Commits since the ref (reachable from HEAD, not from the ref) that changed the file: its baseline updates. */
  changesSince(file: string): number;
}

/**
 * Opens `ref` in the git repository holding `dir`. An unknown ref, a folder outside any repository
 * or no git at all is the user's to fix: exit 2 before anything runs. `source` names where the ref
 * came from in those messages (the flag, or a config field).
 */
export function gitFileReader(dir: string, ref: string, source = '--baseline-ref'): GitFileReader {
  if (ref === '' || ref.startsWith('-')) throw new UserError(`${source}: "${ref}" is not a git ref`);
  const top = realpathSync(git(dir, ['rev-parse', '--show-toplevel'], `${source} ${ref}: ${dir} is not inside a git repository`, source).trim());
  const commit = git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `${source} ${ref}: no such commit in this repository (fetch it first, e.g. git fetch origin ${ref})`, source).trim();
  const inRepo = (file: string) => {
    const relative = path.relative(top, realResolve(file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) throw new UserError(`${source}: ${file} is outside the git repository ${top}`);
    return relative.split(path.sep).join('/');
  };
  return {
    commit,
    read(file) {
      const spec = `${commit}:${inRepo(file)}`;
      if (!gitOk(top, ['cat-file', '-e', spec])) return undefined;
      return git(top, ['cat-file', 'blob', spec], `${source} ${ref}: cannot read ${inRepo(file)}`, source);
    },
    show: (file) => `${ref}:${inRepo(file)}`,
    changesSince: (file) => Number(git(top, ['rev-list', '--count', `${commit}..HEAD`, '--', inRepo(file)], `${source} ${ref}: cannot list the commits since it`, source).trim()),
  };
}

/**
 * The newest tag reachable from HEAD in the repository holding `dir` (a release: what the drift
 * budget measures from by default), or why there is none. Never throws: no anchor is a note.
 */
export function newestTag(dir: string): { tag: string } | { none: string } {
  // Nothing git could find a repository by: no git process started (it was most of what a
  // cached rerun outside a repository spent on the drift budget).
  if (!mayBeInRepository(dir)) return { none: NOT_IN_REPOSITORY };
  try {
    git(dir, ['rev-parse', '--show-toplevel'], '', '');
  } catch (err) {
    return { none: /not found on the PATH/.test((err as Error).message) ? 'git was not found on the PATH' : NOT_IN_REPOSITORY };
  }
  try {
    return { tag: git(dir, ['describe', '--tags', '--abbrev=0', 'HEAD'], '', '').trim() };
  } catch {
    return { none: 'no tag is reachable from HEAD (a shallow checkout has none: fetch with tags)' };
  }
}

const NOT_IN_REPOSITORY = 'the project is not inside a git repository';

/**
 * False only when git could not find a repository holding `dir` either: no GIT_DIR, and no `.git`
 * (a folder, or a worktree's file) nor a bare repository's HEAD in `dir` or any folder above it.
 */
function mayBeInRepository(dir: string): boolean {
  if (process.env['GIT_DIR'] !== undefined) return true;
  for (let folder = path.resolve(dir); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, '.git')) || existsSync(path.join(folder, 'HEAD'))) return true;
    if (path.dirname(folder) === folder) return false;
  }
}

/** git's output, no shell; a failure is the user's to fix (`failure`), and so is git missing (`source` needs it). */
export function git(cwd: string, args: string[], failure: string, source: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: MAX_BYTES, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError(`${source || 'evals'} needs git, and git was not found on the PATH`);
    throw new UserError(failure);
  }
}

function gitOk(cwd: string, args: string[]): boolean {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist (yet): its nearest existing folder, resolved. */
function realResolve(file: string): string {
  const absolute = path.resolve(file);
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, absolute));
}
