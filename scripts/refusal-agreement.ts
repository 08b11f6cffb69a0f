// Measures the refusal detector (src/scoring/checks/refusal-detect.ts) against XSTest's human labels
// on the five recorded models' real completions, from the committed files in recorded/xstest.
// Usage: npx jiti scripts/refusal-agreement.ts
import { fileURLToPath } from 'node:url';
import { agreementMarkdown, measureModel } from './general/refusal-agreement.js';
import { code, heldOutMarkdown, heldOutSplits } from './general/refusal-heldout.js';
import { XSTEST_MODELS } from './general/sources.js';
import { readLabelledCompletions } from './general/xstest-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = XSTEST_MODELS.map((model) => ({ model, rows: readLabelledCompletions(root, model) }));
const results = rows.map(({ model, rows }) => measureModel(model, rows));
process.stdout.write(agreementMarkdown(results));
process.stdout.write(
  `\n${heldOutMarkdown(
    heldOutSplits(
      rows.flatMap(({ model, rows }) => code(model, rows)),
      XSTEST_MODELS,
    ),
  )}`,
);
