import type { CandidateConfig, SuiteConfig } from '../config/schema.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { Fingerprint } from '../report-schema.js';
import { byCodePoint } from '../util/compare.js';
import { hashOf, hashOfList } from '../util/canonical.js';

export interface FingerprintInput {
  items: readonly GoldenItem[];
  suite: SuiteConfig;
  /** Rubric id -> content hash (judges issue); empty until rubrics are configured. */
  rubricHashes?: Record<string, string>;
  /** Judge configs in use, without secrets (config holds env var names, never keys). */
  judges?: unknown;
  sample: { size: number; seed: number } | undefined;
}

/**
 * What a report's scores depend on besides the candidate: two reports are comparable only when
 * these match (docs/architecture.md "Gate"). `origin` is left out so moving a row does not change it.
 */
export function reportFingerprint(input: FingerprintInput): Fingerprint {
  const items = [...input.items].sort((a, b) => byCodePoint(a.id, b.id));
  return {
    items: hashOfList(withoutOrigin(items)),
    checks: hashOf(input.suite.checks),
    rubrics: hashOf(input.rubricHashes ?? {}),
    judges: hashOf(input.judges ?? {}),
    epochs: input.suite.epochs,
    sample: input.sample ? `${input.sample.size}@${input.sample.seed}` : null,
  };
}

function* withoutOrigin(items: readonly GoldenItem[]): Generator<Omit<GoldenItem, 'origin'>> {
  for (const { origin: _origin, ...content } of items) yield content;
}

/** Keys a run's journal: the report fingerprint plus the candidate's own config. */
export function runFingerprint(fingerprint: Fingerprint, candidate: CandidateConfig): string {
  return hashOf({ fingerprint, candidate });
}
