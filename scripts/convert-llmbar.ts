// Writes calibration/llmbar/*.jsonl from LLMBar's Natural set (see scripts/llmbar.ts).
// Usage: npx jiti scripts/convert-llmbar.ts [shared data folder, default ../shared/data/llmbar]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertLlmbar } from './llmbar.js';

const dataDir = path.resolve(process.argv[2] ?? '../shared/data/llmbar');
const outDir = fileURLToPath(new URL('../calibration/llmbar/', import.meta.url));
const { labels, verdicts, statistics } = convertLlmbar(dataDir);
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'natural.labels.jsonl'), labels);
writeFileSync(path.join(outDir, 'natural.gpt4-vanilla.verdicts.jsonl'), verdicts);
process.stdout.write(
  `wrote ${path.join(outDir, 'natural.labels.jsonl')} and natural.gpt4-vanilla.verdicts.jsonl\n` +
    `LLMBar's statistics.json, recomputed: without swap ${statistics.correct_False}, with swap ${statistics.correct_True}, ` +
    `both ${statistics.correct_both}, same verdict ${statistics.equal}\n`,
);
