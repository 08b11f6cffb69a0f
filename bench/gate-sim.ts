/**
 * The gate under a noisy judge: how often it fails an unchanged system (false alarms, which must
 * stay at or under 5%) and how often it catches a true drop on the long-tail slice (power), by
 * items per slice. Seeded and deterministic. `npm run bench:gate [-- --trials 2000 --seed 7]`.
 */
import { GateConfigSchema } from '../src/config/schema.js';
import { DEFAULT_MIXTURE, goldenSet, simulateCell, type SimModel } from './gate-sim-model.js';
import { quantile } from '../src/stats/describe.js';
import { wilsonInterval } from '../src/stats/intervals.js';
import { mulberry32 } from '../src/stats/prng.js';

const FALSE_ALARM_LIMIT = 0.05;
const SIZES = [50, 100, 200, 400];
const DROPS = [0.03, 0.05, 0.1];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
}

const trials = option('trials', 2000);
const seed = option('seed', 20240601);
const judgeFlip = 0.1;
const gate = GateConfigSchema.parse({});
const slices = ['head', 'long-tail', 'out-of-scope'];

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const withInterval = (k: number, n: number) => {
  const [lo, hi] = wilsonInterval(k, n);
  return `${percent(k / n)} [${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`;
};

const started = Date.now();
const header = ['items per slice', 'false alarms (no change)', ...DROPS.map((d) => `power, −${d * 100} points`), 'stated detectable drop, long-tail (median)'];
const rows: string[][] = [];
let worstFalseAlarm = 0;
for (const n of SIZES) {
  const model: SimModel = { n, slices, longTail: ['long-tail'], judgeFlip, mixture: DEFAULT_MIXTURE };
  // One golden set and one stream per size, so each row reproduces on its own.
  const random = mulberry32(seed + n);
  const golden = goldenSet(model, random);
  const none = simulateCell(model, golden, gate, 0, trials, random);
  worstFalseAlarm = Math.max(worstFalseAlarm, none.failed / none.trials);
  const powers = DROPS.map((drop) => simulateCell(model, golden, gate, drop, trials, random));
  const stated = none.statedDetectable.length > 0 ? quantile(none.statedDetectable, 0.5) : null;
  rows.push([
    String(n),
    withInterval(none.failed, none.trials),
    ...powers.map((p) => withInterval(p.failed, p.trials)),
    stated === null ? 'none' : `${(stated * 100).toFixed(1)} points`,
  ]);
}

const passRate = DEFAULT_MIXTURE.reduce((s, m) => s + m.share * (judgeFlip + m.p * (1 - 2 * judgeFlip)), 0);
console.log(`# Gate simulation: false alarms and power under a noisy judge

- seed ${seed}, ${trials} trials per cell (each a base run and a head run of the same golden set)
- slices: ${slices.join(', ')} (long-tail gated on its own), n items each; the overall row adds them up
- items' latent pass probability: ${DEFAULT_MIXTURE.map((m) => `${m.p} for ${m.share * 100}%`).join(', ')}
- judge flips each label with probability ${judgeFlip}; expected judged pass rate ${passRate.toFixed(3)}
- gate: the default (maxDrop ${gate.maxDrop}, alpha ${gate.alpha}, Holm over ${slices.length + 1} slice x pass comparisons, exact McNemar)
- a true drop lowers the long-tail slice's expected judged pass rate by that many points; the other slices are unchanged
- cells: share of trials in which the gate failed (for any slice), with a 95% Wilson interval; the last column is what the
  comparison said the long-tail row could catch at 80% power (alpha / m, base and head assumed independent)

| ${header.join(' | ')} |
|${header.map(() => '---:').join('|')}|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

worst false-alarm rate ${percent(worstFalseAlarm)} (limit ${percent(FALSE_ALARM_LIMIT)}); ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (worstFalseAlarm > FALSE_ALARM_LIMIT) {
  console.error(`false alarms above ${percent(FALSE_ALARM_LIMIT)}: the gate fails unchanged systems too often`);
  process.exitCode = 1;
}
