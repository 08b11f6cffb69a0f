import { errorMessage } from '../../errors.js';
import { failed } from './outcome.js';
import { checkRegistry } from './registry.js';
import type { CheckSpec } from './spec.js';
import type { CheckDefinition, CheckInput, CheckOutcome } from './types.js';

export interface CheckRun {
  /** The metric name: the spec's `name` (default: its type), made unique within one item. */
  name: string;
  type: string;
  outcome: CheckOutcome;
}

const inUnitRange = (n: number) => Number.isFinite(n) && n >= 0 && n <= 1;

/** A check's own outcome, or a failed one if the check broke its contract (a bug must not pass). */
function validated(outcome: CheckOutcome): CheckOutcome {
  if (!inUnitRange(outcome.score)) return failed(`check error: score ${outcome.score} is outside [0, 1]`);
  for (const [key, value] of Object.entries(outcome.details ?? {})) {
    if (!inUnitRange(value)) return failed(`check error: detail ${key} = ${value} is outside [0, 1]`);
  }
  return outcome;
}

function runOne(spec: CheckSpec, input: CheckInput, registry: ReadonlyMap<string, CheckDefinition>): CheckOutcome | null {
  const definition = registry.get(spec.type);
  if (!definition) return failed(`check error: unknown check type "${spec.type}"`);
  try {
    const outcome = definition.run(input, spec.params);
    return outcome === null ? null : validated(outcome);
  } catch (err) {
    return failed(`check error: ${errorMessage(err)}`);
  }
}

/**
 * Runs an item's checks on one answer. Checks that do not apply (null) are left out; a check
 * that throws becomes a failed outcome with reason `check error: ...`, never a pass. Repeated
 * names get -2, -3 ... in spec order, so no metric silently overwrites another.
 * `registry` is the built-in one; tests pass their own to exercise misbehaving checks.
 */
export function runChecks(specs: readonly CheckSpec[], input: CheckInput, registry: ReadonlyMap<string, CheckDefinition> = checkRegistry): CheckRun[] {
  const used = new Set<string>();
  const runs: CheckRun[] = [];
  for (const spec of specs) {
    let name = spec.name;
    for (let n = 2; used.has(name); n++) name = `${spec.name}-${n}`;
    used.add(name);
    const outcome = runOne(spec, input, registry);
    if (outcome !== null) runs.push({ name, type: spec.type, outcome });
  }
  return runs;
}
