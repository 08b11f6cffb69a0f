import path from 'node:path';

/**
 * The file a request path names inside `root`, or undefined when it would leave it: `..`
 * segments, encoded separators (`%2f`, `%5c`), NUL bytes and malformed escapes are refused
 * before anything touches the disk. (The server checks the real path again, for symlinks.)
 */
export function fileInside(root: string, urlPath: string): string | undefined {
  const raw = urlPath.split('?')[0] ?? '';
  if (/%2f|%5c|%00/i.test(raw)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  const file = path.resolve(root, ...segments);
  const relative = path.relative(path.resolve(root), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? undefined : file;
}

/** Whether `file` (a real path) is `root` (a real path) or inside it. */
export function isWithin(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
