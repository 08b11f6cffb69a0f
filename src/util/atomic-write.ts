import { randomBytes } from 'node:crypto';
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

const WRITE_SIZE = 1 << 16;

/** A temp file beside `file`, written whole; removed again if writing it fails. */
function writeTemp(file: string, content: string | Iterable<string>): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      // Streamed pieces (a line each) are gathered into writes of about 64 KB, not one syscall each.
      let pending: string[] = [];
      let size = 0;
      for (const piece of typeof content === 'string' ? [content] : content) {
        pending.push(piece);
        size += piece.length;
        if (size >= WRITE_SIZE) {
          writeSync(fd, pending.join(''));
          pending = [];
          size = 0;
        }
      }
      if (pending.length > 0) writeSync(fd, pending.join(''));
    } finally {
      closeSync(fd);
    }
    return temp;
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temp file in the same folder, then rename over the target (atomic on POSIX).
 * Content may be streamed in pieces, so a large file never has to sit in memory whole.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  writeFilesAtomic([[file, content]]);
}

/**
 * Replaces a set of files as a unit (a report's .json, .md, .outputs.jsonl): every temp file is
 * written first, so a full disk or a bad path fails before any target changes; then each old file
 * is set aside and the new one renamed in, and a failed rename puts every old file back. A
 * failure therefore never leaves files of two runs side by side.
 */
export function writeFilesAtomic(files: ReadonlyArray<readonly [string, string | Iterable<string>]>): void {
  const temps: string[] = [];
  try {
    for (const [file, content] of files) temps.push(writeTemp(file, content));
  } catch (err) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw err;
  }
  const done: { file: string; aside: string | undefined }[] = [];
  try {
    files.forEach(([file], i) => {
      const aside = existsAsFile(file) ? `${file}.old-${process.pid}-${randomBytes(4).toString('hex')}` : undefined;
      if (aside) renameSync(file, aside);
      try {
        renameSync(temps[i] as string, file);
      } catch (err) {
        if (aside) renameSync(aside, file);
        throw err;
      }
      done.push({ file, aside });
    });
  } catch (err) {
    for (const { file, aside } of done.reverse()) {
      if (aside) renameSync(aside, file);
      else rmSync(file, { force: true });
    }
    for (const temp of temps) rmSync(temp, { force: true });
    throw err;
  }
  for (const { aside } of done) if (aside) rmSync(aside, { force: true });
}

/** True for an existing non-folder; a folder in a file's place is left for rename to refuse (EISDIR). */
function existsAsFile(file: string): boolean {
  try {
    return !lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
