import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const GATE = join(import.meta.dirname, '../../src/gate');

describe('src/gate dependency direction', () => {
  it('imports nothing from src/reports (reports render the gate, never the other way)', () => {
    const offenders = readdirSync(GATE)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        readFileSync(join(GATE, file), 'utf8')
          .split('\n')
          .filter((line) => /^\s*(import|export)\b.*from\s+'\.\.\/reports\//.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
