import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReportSchema } from '../../src/report-schema.js';

const root = path.join(import.meta.dirname, '..', '..');

/**
 * The example's rag-v2, replayed from its committed outputs with a tenth of the long-tail answers
 * degraded, gated against the committed rag-v2 baseline: the Done-when of the gate, end to end.
 */
export function degradedProject(): { dir: string; config: string; degraded: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'evals-gate-'));
  mkdirSync(path.join(dir, 'reports', 'support'), { recursive: true });
  for (const ext of ['json', 'outputs.jsonl']) {
    copyFileSync(path.join(root, 'reports', 'support', `rag-v2.${ext}`), path.join(dir, 'reports', 'support', `rag-v2.${ext}`));
  }
  const baseline = ReportSchema.parse(JSON.parse(readFileSync(path.join(root, 'reports/support/rag-v2.json'), 'utf8')));
  const longTail = baseline.items.filter((i) => i.slices.includes('long-tail') && i.pass).map((i) => i.id);
  const degraded = longTail.slice(0, Math.ceil(longTail.length / 10));
  const rows = readFileSync(path.join(root, 'reports/support/rag-v2.outputs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const replay = rows.map((row) =>
    degraded.includes(String(row.id))
      ? { id: row.id, text: 'Lumen supports that; check the settings page for details.', source: 'synthetic: rag-v2 answer degraded for the gate test' }
      : row,
  );
  writeFileSync(path.join(dir, 'rag-v2-degraded.jsonl'), replay.map((r) => JSON.stringify(r)).join('\n'));
  const config = path.join(dir, 'evals.config.mjs');
  writeFileSync(
    config,
    `export default ${JSON.stringify({
      rubricsDir: path.join(root, 'rubrics'),
      suites: {
        support: {
          goldenSets: [path.join(root, 'goldensets/support/support.jsonl')],
          longTail: ['long-tail'],
          judge: 'claude',
          rubrics: ['support-answer'],
          judges: [{ kind: 'faithfulness', judge: 'claude' }],
          gate: { maxDrop: 0.02, maxErrors: 0, slices: { 'long-tail': { minScore: 0.75 } } },
        },
      },
      judges: { claude: { provider: 'anthropic', model: 'claude-sonnet-4-6' } },
      candidates: { 'rag-v2': { kind: 'rag', adapter: { type: 'replay', path: 'rag-v2-degraded.jsonl', source: 'rag-v2 outputs' } } },
    })};\n`,
  );
  return { dir, config, degraded };
}
