import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import { specErrors } from './helpers.js';

describe('check registry', () => {
  it('holds exactly the documented check types', () => {
    expect([...checkRegistry.keys()].sort()).toEqual(
      [
        'choice',
        'citations',
        'contains',
        'equals',
        'ifeval',
        'json',
        'json-schema',
        'length',
        'normalized-equals',
        'not-contains',
        'numeric',
        'refusal',
        'regex',
      ].sort(),
    );
  });

  it('gives every check a one-line summary', () => {
    for (const definition of checkRegistry.values()) expect(definition.summary).toMatch(/^[^\n]{10,}$/);
  });

  it('rejects an unknown type, suggesting the closest and naming the known ones', () => {
    expect(specErrors({ type: 'contain', values: ['x'] })[0]).toMatch(/^type: unknown check type "contain"; did you mean "contains"\? \(known: equals, /);
  });
});
