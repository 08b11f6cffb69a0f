/**
 * The gate under noise, on two models. (1) Issue 14's scenario: per-item truth, each run re-draws an
 * item's outcome with 10% probability; head n=400 p=0.8, long-tail n=100 p=0.7, format n=50 p=0.9.
 * It reports false alarms on unchanged reruns, power for 10- and 15-point long-tail drops beside the
 * limit (one uncorrected one-sided exact McNemar test on that slice alone, in the same trials), and
 * the stated detectable drop beside the measured 80%-power point per slice size. (2) Chains of
 * baseline updates on that scenario, with and without the drift budget (src/gate/drift.ts): four
 * successive 5-point long-tail drops, each passing run becoming the next baseline, and unchanged
 * chains. (3) The noisy-judge model (bench/gate-sim-model.ts): false alarms and power by items per
 * slice. Seeded and deterministic. `npm run bench:gate [-- --trials 1000 --chains 500 --seed 7]`.
 */
import { GateConfigSchema, type DriftConfig } from '../src/gate/config.js';
import { quantile } from '../src/stats/describe.js';
import { pointsNumber } from '../src/util/format.js';
import { wilsonInterval } from '../src/stats/intervals.js';
import { mulberry32, type Random } from '../src/stats/prng.js';
import { chain, dropped, ISSUE_SLICES, REDRAW, runOf, trial, truthSet, type ChainOutcome, type ScenarioSlice } from './gate-scenario.js';
import { DEFAULT_MIXTURE, goldenSet, simulateCell, type SimModel } from './gate-sim-model.js';

const FALSE_ALARM_LIMIT = 0.05;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
}

const trials = option('trials', 1000);
const seed = option('seed', 20240601);
const gate = GateConfigSchema.parse({});
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const withInterval = (k: number, n: number) => {
  const [lo, hi] = wilsonInterval(k, n);
  return `${percent(k / n)} [${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`;
};
const started = Date.now();
const problems: string[] = [];

/** `count` trials of the scenario with `k` true passes of `slice` lost in the head. */
function cell(random: Random, slice: string, k: number, count: number) {
  let failed = 0;
  let lone = 0;
  const stated: number[] = [];
  for (let t = 0; t < count; t++) {
    const truth = truthSet(ISSUE_SLICES, random);
    const result = trial(runOf(truth, ISSUE_SLICES, random), runOf(dropped(truth, slice, k), ISSUE_SLICES, random), gate, slice);
    if (result.failed) failed++;
    if (result.lone) lone++;
    const row = result.comparison.rows.find((r) => r.slice === slice && r.metric === 'pass');
    if (row?.minDetectableDrop != null) stated.push(row.minDetectableDrop);
  }
  return { failed, lone, trials: count, stated };
}

// (1) Issue 14's scenario.
const random = mulberry32(seed);
const none = cell(random, 'long-tail', 0, trials);
const minus10 = cell(random, 'long-tail', 10, trials);
const minus15 = cell(random, 'long-tail', 15, trials);
const ratio = minus10.failed / Math.max(1, minus10.lone);
if (none.failed / none.trials > FALSE_ALARM_LIMIT) problems.push(`false alarms ${percent(none.failed / none.trials)} > 5%`);
if (ratio < 0.85) problems.push(`power at −10 is ${percent(ratio)} of the limit (< 85%)`);
if (minus15.failed / minus15.trials < 0.9) problems.push(`power at −15 is ${percent(minus15.failed / minus15.trials)} (< 90%)`);

/** The drop (expected observed points: a lost true pass comes back with the re-draw) at 80% power, interpolated. */
function measured80(slice: ScenarioSlice, ks: readonly number[], count: number): { drop: number | null; stated: number | null } {
  const local = mulberry32(seed + slice.n);
  const stated = cell(local, slice.name, 0, count).stated;
  let previous: { drop: number; power: number } | null = null;
  for (const k of ks) {
    const result = cell(local, slice.name, k, count);
    const point = { drop: ((1 - REDRAW) * k) / slice.n, power: result.failed / result.trials };
    if (point.power >= 0.8) {
      const drop = previous ? previous.drop + ((0.8 - previous.power) / (point.power - previous.power)) * (point.drop - previous.drop) : point.drop;
      return { drop, stated: stated.length > 0 ? quantile(stated, 0.5) : null };
    }
    previous = point;
  }
  return { drop: null, stated: stated.length > 0 ? quantile(stated, 0.5) : null };
}

const calibrationTrials = Math.max(50, Math.round(trials / 4));
const grids: Record<string, number[]> = {
  format: [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14],
  'long-tail': [6, 8, 10, 12, 14, 16, 18, 20, 24],
  head: [8, 12, 16, 20, 24, 28, 32, 40],
};
const calibration = ISSUE_SLICES.map((slice) => ({ slice, ...measured80(slice, grids[slice.name] ?? [], calibrationTrials) }));
for (const { slice, drop, stated } of calibration) {
  if (drop === null || stated === null || Math.abs(stated - drop) > 0.25 * drop)
    problems.push(`${slice.name} (n=${slice.n}): stated ${stated} vs measured ${drop}`);
}
const pts = (x: number | null) => (x === null ? 'none' : `${(x * 100).toFixed(1)} points`);

console.log(`# Gate simulation

## Issue 14's scenario

- seed ${seed}; ${trials} trials per cell (a base run and a head run of a freshly drawn truth), ${calibrationTrials} per point of the 80%-power search
- slices: ${ISSUE_SLICES.map((s) => `${s.name} n=${s.n} p=${s.rate}${s.longTail ? ' (long-tail)' : ''}`).join(', ')}; each run re-draws an item's outcome with probability ${REDRAW}
- a drop of k points on long-tail turns k of its true passes into failures; the gate is the default (maxDrop ${gate.maxDrop}, alpha ${gate.alpha})
- limit: one uncorrected one-sided exact McNemar test at alpha ${gate.alpha} on the long-tail slice alone, in the same trials

| cell | gate failed | limit (long-tail alone) | gate ÷ limit |
|---|---:|---:|---:|
| no change (false alarms) | ${withInterval(none.failed, none.trials)} | ${withInterval(none.lone, none.trials)} | |
| long-tail −10 points | ${withInterval(minus10.failed, minus10.trials)} | ${withInterval(minus10.lone, minus10.trials)} | ${percent(ratio)} |
| long-tail −15 points | ${withInterval(minus15.failed, minus15.trials)} | ${withInterval(minus15.lone, minus15.trials)} | ${percent(minus15.failed / Math.max(1, minus15.lone))} |

Stated detectable drop (median over unchanged reruns, 80% power at the slice's share of alpha, from the
paired discordance) against the drop the whole gate catches 80% of the time when only that slice drops
(expected observed points, interpolated):

| slice | n | stated | measured 80%-power point | stated ÷ measured |
|---|---:|---:|---:|---:|
${calibration.map(({ slice, drop, stated }) => `| ${slice.name} | ${slice.n} | ${pts(stated)} | ${pts(drop)} | ${drop && stated ? percent(stated / drop) : '—'} |`).join('\n')}
`);

// (2) Chains of baseline updates: the drift budget.
const chains = option('chains', Math.max(100, Math.round(trials / 2)));
const STEPS = 4;
const STEP_DROP = 5;
const drift = gate.drift as DriftConfig;
function chainCell(k: number) {
  const local = mulberry32(seed + 1000 + k);
  const outcomes = Array.from({ length: chains }, () => chain(local, gate, drift, 'long-tail', k, STEPS));
  const tally = (pick: (o: ReturnType<typeof chain>) => ChainOutcome) => {
    const caught = outcomes.filter((o) => pick(o).caughtAt !== null).length;
    const decisions = outcomes.reduce((s, o) => s + pick(o).decisions, 0);
    const byStep = Array.from({ length: STEPS }, (_, i) => outcomes.filter((o) => pick(o).caughtAt === i + 1).length);
    return { caught, decisions, byStep };
  };
  return { plain: tally((o) => o.plain), drift: tally((o) => o.drift) };
}
const unchanged = chainCell(0);
const sliced = chainCell(STEP_DROP);
if (sliced.drift.caught / chains < 0.9)
  problems.push(`chains of ${STEPS} × −${STEP_DROP} caught ${percent(sliced.drift.caught / chains)} with the drift budget (< 90%)`);
if (unchanged.drift.caught / unchanged.drift.decisions > FALSE_ALARM_LIMIT)
  problems.push(`unchanged chains: ${percent(unchanged.drift.caught / unchanged.drift.decisions)} of runs failed with the drift budget (> 5%)`);
const steps = (byStep: number[]) => byStep.map((c, i) => `${i + 1}: ${c}`).join(', ');
console.log(`## Chains of baseline updates (the drift budget)

- ${chains} chains per row (seed + 1000 + k); each chain: an anchor run, then ${STEPS} runs, each losing k more true long-tail passes (k = ${STEP_DROP}: ${STEP_DROP} points a step, ${STEPS * STEP_DROP} in all; k = 0: no change); a passing run becomes the next baseline, the first failing one ends the chain
- the drift budget (default): the head is also compared with the anchor run, tolerance ${pointsNumber(drift.maxDrop)} points, its own alpha ${drift.alpha}; not while the baseline is still the anchor (step 1)
- a chain is caught (unchanged: falsely alarmed) when any of its runs fails; failed runs: of the runs judged in unchanged chains, the share that failed (the gate's per-run false-alarm rate)

| chain | caught, gate alone | caught, gate + drift budget | failed runs, gate alone | failed runs, gate + drift budget | caught at step (gate + drift) |
|---|---:|---:|---:|---:|---|
| no change | ${withInterval(unchanged.plain.caught, chains)} | ${withInterval(unchanged.drift.caught, chains)} | ${withInterval(unchanged.plain.caught, unchanged.plain.decisions)} | ${withInterval(unchanged.drift.caught, unchanged.drift.decisions)} | ${steps(unchanged.drift.byStep)} |
| ${STEPS} × −${STEP_DROP} points on long-tail | ${withInterval(sliced.plain.caught, chains)} | ${withInterval(sliced.drift.caught, chains)} | | | ${steps(sliced.drift.byStep)} |
`);

// (3) The noisy-judge model, by items per slice.
const judgeFlip = 0.1;
const slices = ['head', 'long-tail', 'out-of-scope'];
const SIZES = [50, 100, 200, 400];
const DROPS = [0.03, 0.05, 0.1];
const judgeTrials = Math.max(100, Math.round(trials / 4));
const rows: string[][] = [];
let worstFalseAlarm = 0;
for (const n of SIZES) {
  const model: SimModel = { n, slices, longTail: ['long-tail'], judgeFlip, mixture: DEFAULT_MIXTURE };
  const stream = mulberry32(seed + n);
  const golden = goldenSet(model, stream);
  // False alarms get the full trial count: a 5% limit cannot be read off a few hundred trials.
  const noChange = simulateCell(model, golden, gate, 0, trials, stream);
  worstFalseAlarm = Math.max(worstFalseAlarm, noChange.failed / noChange.trials);
  const powers = DROPS.map((drop) => simulateCell(model, golden, gate, drop, judgeTrials, stream));
  const stated = noChange.statedDetectable.length > 0 ? quantile(noChange.statedDetectable, 0.5) : null;
  rows.push([String(n), withInterval(noChange.failed, noChange.trials), ...powers.map((p) => withInterval(p.failed, p.trials)), pts(stated)]);
}
if (worstFalseAlarm > FALSE_ALARM_LIMIT) problems.push(`noisy judge: false alarms ${percent(worstFalseAlarm)} > 5%`);
const header = ['items per slice', 'false alarms (no change)', ...DROPS.map((d) => `power, −${d * 100} points`), 'stated detectable drop, long-tail (median)'];
console.log(`## The noisy-judge model

- ${trials} trials for false alarms, ${judgeTrials} per power cell; slices ${slices.join(', ')} of n items each; items' latent pass probability ${DEFAULT_MIXTURE.map((m) => `${m.p} for ${m.share * 100}%`).join(', ')}; the judge flips each label with probability ${judgeFlip}
- a true drop lowers the long-tail slice's expected judged pass rate by that many points

| ${header.join(' | ')} |
|${header.map(() => '---:').join('|')}|
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

${problems.length === 0 ? 'All targets met' : `Targets missed: ${problems.join('; ')}`}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (problems.length > 0) process.exitCode = 1;
