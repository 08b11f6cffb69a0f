import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import { runChecks } from '../../src/scoring/checks/run.js';
import { CheckSpecSchema, type CheckSpec } from '../../src/scoring/checks/spec.js';
import { defineCheck, type CheckDefinition, type CheckOutcome } from '../../src/scoring/checks/types.js';
import { input } from './helpers.js';

const specs = (...raw: Record<string, unknown>[]): CheckSpec[] => raw.map((r) => CheckSpecSchema.parse(r));

/** A registry with one extra check that returns (or throws) whatever the test says. */
function withFake(behave: () => CheckOutcome | null): ReadonlyMap<string, CheckDefinition> {
  const fake = defineCheck({ type: 'fake', summary: 'test double', params: z.strictObject({}), run: behave });
  return new Map([...checkRegistry, ['fake', fake]]);
}
const fakeSpec: CheckSpec = { type: 'fake', name: 'fake', params: {} };

describe('runChecks', () => {
  it('runs each spec and names it by its name, defaulting to its type', () => {
    const runs = runChecks(
      specs({ type: 'contains', values: ['14 days'] }, { type: 'length', name: 'short', maxWords: 3 }),
      input('Refunds within 14 days, always.'),
    );
    expect(runs).toEqual([
      { name: 'contains', type: 'contains', outcome: { pass: true, score: 1 } },
      { name: 'short', type: 'length', outcome: { pass: false, score: 0, reason: '5 words, over maxWords 3' } },
    ]);
  });

  it('leaves out checks that do not apply', () => {
    const runs = runChecks(specs({ type: 'equals' }, { type: 'json' }), input('{}'));
    expect(runs.map((r) => r.name)).toEqual(['json']);
  });

  it('suffixes repeated names -2, -3 in spec order', () => {
    const runs = runChecks(
      specs(
        { type: 'contains', values: ['a'] },
        { type: 'contains', values: ['b'] },
        { type: 'contains', name: 'contains-2', values: ['c'] },
        { type: 'contains', values: ['d'] },
      ),
      input('abcd'),
    );
    expect(runs.map((r) => r.name)).toEqual(['contains', 'contains-2', 'contains-2-2', 'contains-3']);
  });

  it('counts a skipped check when numbering, so names do not depend on applicability', () => {
    const runs = runChecks(specs({ type: 'equals' }, { type: 'equals', value: 'x' }), input('x'));
    expect(runs.map((r) => r.name)).toEqual(['equals-2']);
  });

  it('turns a throwing check into a failure, never a pass', () => {
    const runs = runChecks(specs({ type: 'choice' }), input('B', { reference: 'Paris' }));
    expect(runs).toEqual([
      { name: 'choice', type: 'choice', outcome: { pass: false, score: 0, reason: 'check error: reference "Paris" is not a choice letter' } },
    ]);
    const thrown = runChecks(
      [fakeSpec],
      input('x'),
      withFake(() => {
        throw new TypeError('boom');
      }),
    );
    expect(thrown[0]?.outcome).toEqual({ pass: false, score: 0, reason: 'check error: boom' });
  });

  it('fails a check that reports a score or detail outside [0, 1]', () => {
    const over = runChecks(
      [fakeSpec],
      input('x'),
      withFake(() => ({ pass: true, score: 2 })),
    );
    expect(over[0]?.outcome).toEqual({ pass: false, score: 0, reason: 'check error: score 2 is outside [0, 1]' });
    const nan = runChecks(
      [fakeSpec],
      input('x'),
      withFake(() => ({ pass: true, score: 1, details: { p: Number.NaN } })),
    );
    expect(nan[0]?.outcome.pass).toBe(false);
    expect(nan[0]?.outcome.reason).toBe('check error: detail p = NaN is outside [0, 1]');
  });

  it('fails a spec whose type is not registered', () => {
    const runs = runChecks([{ type: 'gone', name: 'gone', params: {} }], input('x'));
    expect(runs[0]?.outcome).toEqual({ pass: false, score: 0, reason: 'check error: unknown check type "gone"' });
  });
});
