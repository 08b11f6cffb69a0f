// Writes the general-capability golden sets (goldensets/general, goldensets/alpaca) and the recorded
// outputs and verdicts (recorded/) from the shared data; rerunning reproduces them byte for byte.
// Usage: npx jiti scripts/build-general.ts [shared data folder, default ../shared/data]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeneral } from './general/build.js';
import { GENERAL_FAMILY, powerMarkdown, powerTable } from './general/power.js';

const dataDir = path.resolve(process.argv[2] ?? '../shared/data');
const root = fileURLToPath(new URL('..', import.meta.url));
const { files, summary } = buildGeneral(dataDir);
for (const [file, content] of files) {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
}

const out: string[] = [`read ${dataDir}`, ''];
for (const [file, n] of Object.entries(summary.counts)) out.push(`${String(n).padStart(5)}  ${file}`);
out.push('', `also copied: ${[...files.keys()].filter((f) => !(f in summary.counts)).join(', ')}`);
const a = summary.alpaca;
out.push(
  '',
  `AlpacaEval, alpaca-7b vs text-davinci-003 (GPT-4): ${a.wins} wins, ${a.losses} losses, ${a.draws} draws of ${a.n}; ` +
    `win rate ${a.winRate.toFixed(6)}%, standard error ${a.standardError.toFixed(4)} (matches the leaderboard)`,
  `text_davinci_003.model_outputs.json equals the judged output_1 on ${summary.davinciFileMatches} of ${a.n} rows; recorded/alpaca/text-davinci-003.jsonl uses output_1`,
  '',
  'Smallest drop (points) the gate detects at 80% power, per general slice:',
  powerMarkdown(
    powerTable(
      Object.entries(summary.generalSlices).map(([slice, n]) => ({ slice, n })),
      0.05,
      GENERAL_FAMILY,
    ),
    0.05,
    GENERAL_FAMILY,
  ),
);
process.stdout.write(out.join('\n'));
