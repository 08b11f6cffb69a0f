// Rewrites the README's per-command flag tables from the option table (src/cli/options.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { missingFlagTables, withFlagTables } from '../src/cli/help-markdown.js';

const file = path.join(import.meta.dirname, '..', 'README.md');
const before = readFileSync(file, 'utf8');
const after = withFlagTables(before);
if (after !== before) writeFileSync(file, after);
const missing = missingFlagTables(after);
console.log(
  `README.md: flag tables ${after === before ? 'already current' : 'rewritten'}${missing.length > 0 ? `; no markers for ${missing.join(', ')}` : ''}`,
);
