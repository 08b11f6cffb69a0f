import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

const WRITE_SIZE = 1 << 16;

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
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
