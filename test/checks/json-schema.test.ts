import { describe, expect, it } from 'vitest';
import { compileSchema } from '../../src/scoring/checks/json-schema.js';
import { check, input, specErrors } from './helpers.js';

const ticket = {
  type: 'object',
  properties: { priority: { enum: ['low', 'high'] }, tags: { type: 'array', items: { type: 'string' } } },
  required: ['priority'],
  additionalProperties: false,
};

describe('json-schema', () => {
  it('passes when the answer JSON validates, fenced or not', () => {
    expect(check({ type: 'json-schema', schema: ticket }, input('{"priority": "low", "tags": ["a"]}'))).toEqual({
      pass: true,
      score: 1,
    });
    expect(check({ type: 'json-schema', schema: ticket }, input('```json\n{"priority": "high"}\n```'))?.pass).toBe(true);
  });

  it('fails naming the instance path and what ajv found', () => {
    const outcome = check({ type: 'json-schema', schema: ticket }, input('{"priority": "urgent", "tags": [1]}'));
    expect(outcome?.pass).toBe(false);
    expect(outcome?.score).toBe(0);
    expect(outcome?.reason).toBe('schema: /priority must be equal to one of the allowed values; /tags/0 must be string');
  });

  it('names a missing property at the root and an extra one by name', () => {
    expect(check({ type: 'json-schema', schema: ticket }, input('{}'))?.reason).toBe("schema: (root) must have required property 'priority'");
    expect(check({ type: 'json-schema', schema: ticket }, input('{"priority": "low", "x": 1}'))?.reason).toBe(
      'schema: (root) must NOT have additional properties "x"',
    );
  });

  it('fails on an answer that is not JSON', () => {
    expect(check({ type: 'json-schema', schema: ticket }, input('priority: low'))?.reason).toMatch(/^invalid JSON: /);
  });

  it('supports draft 2020-12 when $schema says so', () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'number' }] };
    expect(check({ type: 'json-schema', schema }, input('[1]'))?.pass).toBe(true);
    expect(check({ type: 'json-schema', schema }, input('["a"]'))?.pass).toBe(false);
  });

  it('compiles a schema once and reuses it for an equal schema', () => {
    const first = compileSchema({ type: 'string', minLength: 2 });
    expect(compileSchema({ type: 'string', minLength: 2 })).toBe(first);
  });

  it('accepts two different schemas with the same $id', () => {
    expect(specErrors({ type: 'json-schema', schema: { $id: 'https://example.com/answer.json', type: 'string' } })).toEqual([]);
    expect(specErrors({ type: 'json-schema', schema: { $id: 'https://example.com/answer.json', type: 'number' } })).toEqual([]);
  });

  it('keeps schemas without an $id apart in their shared instance, also after an invalid one failed to compile', () => {
    const defs = (type: string) => ({ definitions: { answer: { type } }, $ref: '#/definitions/answer' });
    expect(specErrors({ type: 'json-schema', schema: { type: 'object', requird: ['a'] } })).not.toEqual([]);
    expect(check({ type: 'json-schema', schema: defs('string') }, input('"yes"'))?.pass).toBe(true);
    expect(check({ type: 'json-schema', schema: defs('number') }, input('"yes"'))?.pass).toBe(false);
    expect(check({ type: 'json-schema', schema: defs('number') }, input('4'))?.pass).toBe(true);
  });

  it('rejects an invalid schema at parse time, on the schema field', () => {
    const errors = specErrors({ type: 'json-schema', schema: { type: 'strin' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^schema: invalid JSON Schema: /);
    expect(specErrors({ type: 'json-schema', schema: { type: 'object', requird: ['a'] } })[0]).toMatch(/unknown keyword/);
    expect(specErrors({ type: 'json-schema' })).not.toEqual([]);
    expect(specErrors({ type: 'json-schema', schema: 'string' })).not.toEqual([]);
  });
});
