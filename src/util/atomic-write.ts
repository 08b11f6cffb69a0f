import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never half of it:
 * write a temp file in the same folder, then rename over the target (atomic on POSIX).
 * Content may be streamed in pieces, so a large file never has to sit in memory whole.
 */
export function writeFileAtomic(file: string, content: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      for (const piece of typeof content === 'string' ? [content] : content) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
