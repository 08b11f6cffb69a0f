import type { Coverage, DiscordanceSource } from '../gate/coverage.js';
import { COVERAGE_DROPS } from '../gate/coverage.js';
import { formatMean, percentOf } from '../util/format.js';
import { textTable } from './table.js';

const SOURCES: Record<DiscordanceSource, string> = {
  rerun: 'measured against the rerun, on the items paired by id',
  epochs: "estimated from the report's own epochs (how often an item's runs disagree)",
  independent:
    'assumed: two runs as different as independent draws, 2p(1 − p). That is an upper bound — a steady system differs between runs on fewer items, and then fewer are needed. Measure it with --rerun <a second run\'s report>, or run the suite with epochs ≥ 2',
};

/** `evals coverage` for one report, as a terminal table with what its figures assume. */
export function renderCoverage(coverage: Coverage, shown: string): string {
  const header = ['slice', 'n now', 'pass', 'discordance', 'level', 'detects now', ...COVERAGE_DROPS.map((d) => `n for −${Math.round(d * 100)}`)];
  const rows = coverage.slices.map((s) => [
    `${s.slice}${s.longTail ? ' (long tail)' : ''}`,
    String(s.n),
    formatMean(s.passRate),
    formatMean(s.discordance),
    s.level.toFixed(4),
    s.detectableNow === null ? 'none' : `${(s.detectableNow * 100).toFixed(1)} points`,
    ...COVERAGE_DROPS.map((d) => {
      const n = s.needed[String(Math.round(d * 100))];
      return n === null || n === undefined ? '—' : n.toLocaleString('en-US');
    }),
  ]);
  return [
    `${coverage.suite} / ${coverage.candidate} (${shown}): items each slice needs for the gate to catch a drop of pass at ${percentOf(coverage.power)} power`,
    '',
    textTable(header, rows),
    '',
    `discordance: ${SOURCES[coverage.discordanceSource]}.`,
    `level: the slice's share of α = ${coverage.alpha} in the gate's family today (each slice's pass first); "n for −d" holds it, the pass rate and the discordance fixed.`,
    '—: no size up to 100,000 items, or the pass rate is too low to fall that far.',
    '',
  ].join('\n');
}
