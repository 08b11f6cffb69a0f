// The statistics the report and the gate use: pure functions, no I/O, deterministic given a seed.
export { mulberry32, shuffle, uniformInt } from './prng.js';
export type { Random } from './prng.js';
export { mean, p50, p95, quantile, round, sortedQuantile, standardDeviation } from './describe.js';
export { normalQuantile, studentTCdf, studentTQuantile } from './distributions.js';
export { isBinary, meanInterval, meanWithInterval, wilsonInterval } from './intervals.js';
export type { Interval, MeanWithInterval } from './intervals.js';
export { mcnemarExact, newcombePairedInterval, pairedTable } from './paired-binary.js';
export type { PairedTable } from './paired-binary.js';
export { DEFAULT_SEED, EXACT_PERMUTATION_LIMIT, pairedBootstrapInterval, pairedPermutationTest } from './paired-resampling.js';
export type { PermutationResult, ResamplingOptions } from './paired-resampling.js';
export { pairedDifference } from './paired.js';
export type { PairedDifference } from './paired.js';
export { holm } from './multiple.js';
export { minDetectableDrop, requiredN } from './power.js';
export type { PowerAssumptions } from './power.js';
export { cohensKappa, confusionMatrix, fleissKappa } from './agreement.js';
export { flipRate } from './flip-rate.js';
export type { ConfusionMatrix, KappaResult } from './agreement.js';
