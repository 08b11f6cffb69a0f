import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
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

/** Reads a JSONL golden set line by line (streamed: memory does not grow with the file). */
export async function* readJsonlRows(path: string, file = path): AsyncGenerator<RawRow> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
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
    yield { line, row: row as Record<string, unknown> };
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
export function readRows(path: string, file = path): AsyncGenerator<RawRow> {
  if (/\.jsonl$/i.test(path)) return readJsonlRows(path, file);
  if (/\.csv$/i.test(path)) return readCsvRows(path, file);
  throw new UserError(`${file}: golden sets are .jsonl or .csv files`);
}
