import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** git with a fixed identity and no user or system config, so tests do not depend on the machine's. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=evals test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  }).trim();
}

/** Commits everything in the folder; returns the commit's sha. */
export function commitAll(dir: string, message: string): string {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A fresh git repository holding a copy of a fixture project (test/fixtures/<name>), not yet committed. */
export function gitProject(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `evals-git-${fixture}-`));
  cpSync(path.join(import.meta.dirname, 'fixtures', fixture), dir, { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), '.evals-cache/\n.evals-runs/\n*.new.*\n');
  git(dir, 'init', '-q', '-b', 'main');
  return dir;
}
