import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { gitFileReader, newestTag } from '../../src/reports/git-read.js';
import { commitAll, git } from '../git-project.js';

function repo(): { dir: string; first: string; second: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-git-read-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, 'reports', 'qa'), { recursive: true });
  writeFileSync(path.join(dir, 'reports', 'qa', 'bot.json'), 'first\n');
  const first = commitAll(dir, 'first');
  writeFileSync(path.join(dir, 'reports', 'qa', 'bot.json'), 'second\n');
  writeFileSync(path.join(dir, 'added.txt'), 'new\n');
  const second = commitAll(dir, 'second');
  return { dir, first, second };
}

describe('gitFileReader', () => {
  it('reads a file as it is at a ref, whatever the working tree holds', () => {
    const { dir, first } = repo();
    writeFileSync(path.join(dir, 'reports', 'qa', 'bot.json'), 'uncommitted\n');
    git(dir, 'tag', 'base', first);
    const reader = gitFileReader(path.join(dir, 'reports'), 'base');
    expect(reader.commit).toBe(first);
    expect(reader.read(path.join(dir, 'reports', 'qa', 'bot.json'))).toBe('first\n');
    expect(reader.show(path.join(dir, 'reports', 'qa', 'bot.json'))).toBe('base:reports/qa/bot.json');
    expect(gitFileReader(dir, 'HEAD').read(path.join(dir, 'reports', 'qa', 'bot.json'))).toBe('second\n');
  });

  it('says undefined for a file the ref does not have, also when the working tree lacks it', () => {
    const { dir, first } = repo();
    const reader = gitFileReader(dir, first);
    expect(reader.read(path.join(dir, 'added.txt'))).toBeUndefined();
    rmSync(path.join(dir, 'reports'), { recursive: true });
    expect(reader.read(path.join(dir, 'reports', 'qa', 'bot.json'))).toBe('first\n');
    expect(reader.read(path.join(dir, 'reports', 'other', 'x.json'))).toBeUndefined();
  });

  it('an unknown ref, a folder outside git, a path outside the repository or a ref that looks like a flag are usage errors', () => {
    const { dir } = repo();
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(UserError);
        return (err as UserError).message;
      }
      throw new Error('expected an error');
    };
    expect(error(() => gitFileReader(dir, 'origin/nope'))).toMatch(/--baseline-ref origin\/nope: no such commit in this repository \(fetch it first/);
    expect(error(() => gitFileReader(dir, '--output=x'))).toMatch(/is not a git ref/);
    expect(error(() => gitFileReader(mkdtempSync(path.join(tmpdir(), 'evals-no-git-')), 'HEAD'))).toMatch(/is not inside a git repository/);
    expect(error(() => gitFileReader(dir, 'HEAD').read(path.join(tmpdir(), 'elsewhere.json')))).toMatch(/is outside the git repository/);
  });
});

describe('newestTag', () => {
  it('finds the newest tag from HEAD, and says why not outside a repository without starting git there', () => {
    const { dir, first } = repo();
    expect(newestTag(dir)).toEqual({ none: expect.stringMatching(/^no tag is reachable from HEAD/) as unknown });
    git(dir, 'tag', 'v1', first);
    expect(newestTag(path.join(dir, 'reports'))).toEqual({ tag: 'v1' });
    const outside = mkdtempSync(path.join(tmpdir(), 'evals-no-git-'));
    const PATH = process.env['PATH'];
    // With git off the PATH, only a folder git could find a repository from still asks git.
    process.env['PATH'] = '';
    try {
      expect(newestTag(outside)).toEqual({ none: 'the project is not inside a git repository' });
      expect(newestTag(dir)).toEqual({ none: 'git was not found on the PATH' });
    } finally {
      process.env['PATH'] = PATH;
    }
    expect(newestTag(outside)).toEqual({ none: 'the project is not inside a git repository' });
  });
});
