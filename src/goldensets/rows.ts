import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { UserError, locate } from '../errors.js';

/** One raw row of a golden set with the line it starts on. */
export interface RawRow {
  line: number;
  row: Record<string, unknown>;
}

/** CSV columns holding lists, separated by `;` (contract: docs/architecture.md "Golden sets"). */
const LIST_COLUMNS = new Set(['slices', 'sources']);
/** CSV columns holding JSON (a chat transcript as input, a list of checks). */
const JSON_COLUMNS = new Set(['checks', 'messages']);

/** Bytes read at a time: a golden set is streamed, so memory does not grow with the file. */
const CHUNK = 1 << 20;

/**
 * Reads a JSONL golden set line by line, in chunks read synchronously: readline's async iteration
 * cost a promise per line, most of the time loading a 10k-item set took. Lines end at `\n`,
 * `\r\n` or a lone `\r`, as readline split them, so line numbers in errors are unchanged.
 */
export function* readJsonlRows(path: string, file = path, chunkBytes = CHUNK): Generator<RawRow> {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.alloc(chunkBytes);
    let carry = '';
    let line = 0;
    const parse = (text: string): RawRow | undefined => {
      line++;
      if (text.trim() === '') return undefined;
      let row: unknown;
      try {
        // A byte-order mark (Excel, Notepad) is accepted on the first line, as in CSV.
        row = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text);
      } catch (err) {
        throw new UserError(locate(file, line, `malformed JSON: ${(err as Error).message}`));
      }
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw new UserError(locate(file, line, 'each line must be a JSON object'));
      }
      return { line, row: row as Record<string, unknown> };
    };
    for (;;) {
      const read = readSync(fd, buffer, 0, chunkBytes, null);
      const text = carry + (read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read)));
      let start = 0;
      // Line ends are found with indexOf, not by visiting every character in a loop; a file
      // without `\r` looks for one once per chunk.
      let cr = text.indexOf('\r');
      for (;;) {
        if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
        const lf = text.indexOf('\n', start);
        const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
        if (end === -1) break;
        // A `\r` last in the chunk may be the first half of `\r\n`: wait for the next chunk.
        if (end === cr && end === text.length - 1 && read !== 0) break;
        const row = parse(text.slice(start, end));
        if (row) yield row;
        start = end === cr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      }
      carry = text.slice(start);
      if (read === 0) break;
    }
    if (carry !== '') {
      const row = parse(carry);
      if (row) yield row;
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a CSV golden set with csv-parse; list columns split on `;`, JSON columns parsed. */
export async function* readCsvRows(path: string, file = path): AsyncGenerator<RawRow> {
  const parser = createReadStream(path).pipe(
    parse({ columns: uniqueColumns(file), info: true, bom: true, skip_empty_lines: true, trim: false }),
  );
  let previousEnd = 1; // the header line
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      yield { line, row: convertCsvRecord(record, file, line) };
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    const e = err as Error & { lines?: number };
    throw new UserError(locate(file, e.lines, `bad CSV: ${e.message.replace(/ at line \d+.*$/, '')}`));
  }
}

/** The header row as column names; a repeated one would silently overwrite the other's values. */
function uniqueColumns(file: string): (header: string[]) => string[] {
  return (header) => {
    const seen = new Set<string>();
    for (const column of header) {
      if (seen.has(column)) throw new UserError(locate(file, 1, `column "${column}" appears twice in the header`));
      seen.add(column);
    }
    return header;
  };
}

function convertCsvRecord(record: Record<string, string>, file: string, line: number): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    if (value === '') continue;
    if (LIST_COLUMNS.has(column)) {
      row[column] = value.split(';').map((s) => s.trim()).filter(Boolean);
    } else if (JSON_COLUMNS.has(column)) {
      try {
        row[column === 'messages' ? 'input' : column] = JSON.parse(value);
      } catch (err) {
        throw new UserError(locate(file, line, `"${column}" is not valid JSON: ${(err as Error).message}`));
      }
    } else {
      row[column] = value;
    }
  }
  return row;
}

/** `path` is read; `file` is how messages name it (the path as the user wrote it). */
export function readRows(path: string, file = path): Iterable<RawRow> | AsyncIterable<RawRow> {
  if (/\.jsonl$/i.test(path)) return readJsonlRows(path, file);
  if (/\.csv$/i.test(path)) return readCsvRows(path, file);
  throw new UserError(`${file}: golden sets are .jsonl or .csv files`);
}
