import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { VariantMeasure } from './calibrate-variant.js';

/**
 * What `evals calibrate` measured of a judge, kept at `<reportsDir>/calibration/<judge>.json` so a
 * run can hold the judge to its `minAgreement` (docs/architecture.md "Gate"): a judge below it, or never
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
  /** The rubric the judge was calibrated with, when one was given: a different rubric is a different judge. */
  rubric: z.object({ id: z.string(), hash: z.string() }).optional(),
});
export type CalibrationRecord = z.infer<typeof CalibrationRecordSchema>;

/** The record of one calibration: agreement per label as the comparison table counts it (VariantMeasure.agreed). */
export function calibrationRecord(judge: string, labels: string, measure: VariantMeasure, rubric?: { id: string; hash: string }): CalibrationRecord {
  const agreement = measure.agreed.length === 0 ? 0 : measure.agreed.filter(Boolean).length / measure.agreed.length;
  const kappa = measure.kind === 'absolute' ? measure.m.kappa : measure.m.kappaOriginal;
  return {
    schema: 'evals.calibration/1',
    judge,
    labels,
    kind: measure.kind,
    n: measure.m.n,
    agreement,
    kappa,
    ...(rubric ? { rubric: { id: rubric.id, hash: rubric.hash } } : {}),
  };
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
