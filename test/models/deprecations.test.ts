import { describe, expect, it } from 'vitest';
import { deprecatedModelFields, deprecatedModelWarnings } from '../../src/config/deprecated-models.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { MODEL_END_OF_LIFE, modelDeprecation } from '../../src/models/deprecations.js';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('modelDeprecation', () => {
  it('is deprecated before its end-of-life day and retired from that day on', () => {
    expect(modelDeprecation('claude-sonnet-4-5', day('2026-11-29'))).toEqual({ model: 'claude-sonnet-4-5', endOfLife: '2026-11-30', retired: false });
    expect(modelDeprecation('claude-sonnet-4-5', day('2026-11-30'))?.retired).toBe(true);
    expect(modelDeprecation('claude-sonnet-4-5-20250929', day('2026-12-02'))).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      endOfLife: '2026-11-30',
      retired: true,
    });
  });

  it('knows nothing of current models or of names that are not model ids', () => {
    for (const model of ['claude-sonnet-4-6', 'claude-haiku-4-5', 'gpt-4.1', 'constructor']) expect(modelDeprecation(model, day('2026-12-02'))).toBeUndefined();
  });

  it('holds ISO dates only, so comparing them as text orders them', () => {
    for (const date of Object.values(MODEL_END_OF_LIFE)) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('deprecatedModelFields', () => {
  it("names each judge's and candidate adapter's deprecated model by its field; replay judges and module adapters have none", () => {
    const config = ConfigSchema.parse({
      judges: {
        old: { provider: 'anthropic', model: 'claude-sonnet-4-5' },
        current: { provider: 'anthropic', model: 'claude-sonnet-4-6' },
        recorded: { provider: 'replay', path: 'v.jsonl', source: 'synthetic: test' },
      },
      candidates: {
        opus: { kind: 'prompt', adapter: { type: 'anthropic', model: 'claude-opus-4-5-20251101' } },
        local: { kind: 'prompt', adapter: { type: 'module', path: 'c.mjs' } },
      },
    });
    expect(deprecatedModelFields(config, day('2026-12-02'))).toEqual([
      { keys: ['judges', 'old', 'model'], deprecation: { model: 'claude-sonnet-4-5', endOfLife: '2026-11-30', retired: true } },
      { keys: ['candidates', 'opus', 'adapter', 'model'], deprecation: { model: 'claude-opus-4-5-20251101', endOfLife: '2027-01-22', retired: false } },
    ]);
  });
});

describe('deprecatedModelWarnings', () => {
  it('says a model not yet retired is deprecated and when it goes, at the line of a YAML field', () => {
    const config = ConfigSchema.parse({ candidates: { opus: { kind: 'prompt', adapter: { type: 'anthropic', model: 'claude-opus-4-5' } } } });
    const loaded = { config, file: '/p/evals.config.yaml', dir: '/p', resolve: (p: string) => p, display: () => 'evals.config.yaml', lineOf: () => 4 };
    expect(deprecatedModelWarnings(loaded, day('2026-12-02'))).toEqual([
      'warning: evals.config.yaml:4: "candidates.opus.adapter.model": claude-opus-4-5 is deprecated and reaches end-of-life on 2027-01-22. Move to a current model before then (docs.anthropic.com/en/docs/resources/model-deprecations).',
    ]);
  });
});
