// Measures the refusal detector (src/scoring/checks/refusal-detect.ts) against XSTest's human labels
// on the five recorded models' real completions, from the committed files in recorded/xstest.
// Usage: npx jiti scripts/refusal-agreement.ts
import { fileURLToPath } from 'node:url';
import { agreementMarkdown, measureModel } from './general/refusal-agreement.js';
import { XSTEST_MODELS } from './general/sources.js';
import { readLabelledCompletions } from './general/xstest-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = XSTEST_MODELS.map((model) => measureModel(model, readLabelledCompletions(root, model)));
process.stdout.write(agreementMarkdown(results));
