import { describe, expect, it } from 'vitest';
import { readReportText } from '../../src/reports/baseline.js';
import { labelThenNumbers, markdownTable, textTable } from '../../src/reports/table.js';
import { items, report } from '../gate/helpers.js';

describe('markdownTable', () => {
  it('writes a header, an alignment rule per column (left where none is given) and one line per row', () => {
    const header = ['slice', 'n', 'mark'];
    expect(markdownTable(header, [['head', '12', '✅']], ['left', 'right', 'center'])).toBe('| slice | n | mark |\n|---|---:|:-:|\n| head | 12 | ✅ |');
    expect(markdownTable(header, [])).toBe('| slice | n | mark |\n|---|---|---|');
    expect(labelThenNumbers(header)).toEqual(['left', 'right', 'right']);
  });

  it('keeps every cell one cell: pipes escaped (inside code spans too), newlines and control sequences gone', () => {
    const table = markdownTable(['flag', 'meaning'], [['`--rubric <id|file.md>`', 'two\nlines \u001b[31mred\u001b[0m']]);
    expect(table.split('\n')[2]).toBe('| `--rubric <id\\|file.md>` | two lines red |');
  });

  it('holds the same rows as textTable, which pads them for the terminal instead', () => {
    expect(textTable(['slice', 'n'], [['head', '12']])).toBe('slice   n\n-----  --\nhead   12');
  });
});

describe('readReportText', () => {
  it('gives the report, or why the text is none: the JSON error, or the schema issues', () => {
    const good = report(items('head', 2, 1));
    expect(readReportText(JSON.stringify(good))).toEqual({ report: good });
    expect(readReportText('{"schema":')).toHaveProperty('notJson');
    const invalid = readReportText('{"schema": "evals.report/1"}');
    expect('invalid' in invalid && invalid.invalid.issues.length).toBeGreaterThan(0);
  });
});
