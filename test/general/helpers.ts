import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.join(import.meta.dirname, '..', '..');
export const sharedData = path.resolve(root, '..', 'shared', 'data');
/** The generator's inputs are outside the repo; without them the reproducibility test is skipped, visibly. */
export const haveShared = existsSync(path.join(sharedData, 'SOURCES.md'));

export function readText(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

/** A committed JSONL file's rows, parsed but not validated (each test validates what it asserts on). */
export function readJsonl(file: string): Record<string, unknown>[] {
  return readText(file)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export function idsOf(file: string): string[] {
  return readJsonl(file).map((row) => String(row.id));
}

export function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
