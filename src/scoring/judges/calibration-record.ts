import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { AbsoluteMetrics, PairwiseMetrics, Ratio } from './calibrate-metrics.js';

/**
 * What `evals calibrate` measured of a judge, kept at `<reportsDir>/calibration/<judge>.json` so a
 * run can hold the judge to its `minAgreement` (DESIGN.md "Gate"): a judge below it, or never
 * calibrated, is reported but does not gate.
 */
export const CalibrationRecordSchema = z.object({
  schema: z.literal('evals.calibration/1'),
  judge: z.string(),
  labels: z.string(),
  kind: z.enum(['absolute', 'pairwise']),
  n: z.number().int(),
  /**
   * The share of labelled items on which the judge agrees with the people: exact score for
   * absolute labels; for pairwise, correct in both orders where both were judged, else correct
   * in the order judged.
   */
  agreement: z.number(),
  kappa: z.number().nullable(),
});
export type CalibrationRecord = z.infer<typeof CalibrationRecordSchema>;

const share = ({ count, total }: Ratio) => (total === 0 ? 0 : count / total);

export function calibrationRecord(judge: string, labels: string, metrics: { kind: 'absolute'; m: AbsoluteMetrics } | { kind: 'pairwise'; m: PairwiseMetrics }): CalibrationRecord {
  if (metrics.kind === 'absolute') {
    return { schema: 'evals.calibration/1', judge, labels, kind: 'absolute', n: metrics.m.n, agreement: share(metrics.m.exact), kappa: metrics.m.kappa };
  }
  const { m } = metrics;
  const agreement = m.bothOrders > 0 ? share(m.correctBoth) : share(m.correctOriginal);
  return { schema: 'evals.calibration/1', judge, labels, kind: 'pairwise', n: m.n, agreement, kappa: m.kappaOriginal };
}

export function calibrationFile(reportsDir: string, judge: string): string {
  return path.join(reportsDir, 'calibration', `${judge}.json`);
}

export function writeCalibrationRecord(reportsDir: string, record: CalibrationRecord): string {
  const file = calibrationFile(reportsDir, record.judge);
  writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** The judge's calibration, or undefined when it was never calibrated here (or the record is unreadable). */
export function readCalibrationRecord(reportsDir: string, judge: string): CalibrationRecord | undefined {
  const file = calibrationFile(reportsDir, judge);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = CalibrationRecordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
