import { describe, expect, it } from 'vitest';
import { getPath } from '../../src/models/dotted-path.js';
import { TemplateError, compileTemplate } from '../../src/models/template.js';

describe('compileTemplate', () => {
  it('fills {{input}} and {{metadata.<key>}}, tolerating spaces inside the braces', () => {
    const render = compileTemplate('Q: {{ input }}\nPlan: {{metadata.plan}} / {{input}}');
    expect(render({ input: 'refunds?', metadata: { plan: 'pro' } })).toBe('Q: refunds?\nPlan: pro / refunds?');
  });

  it('renders non-string metadata as JSON and follows dotted paths', () => {
    const render = compileTemplate('{{metadata.kwargs}} | {{metadata.kwargs.num_words}} | {{metadata.tags.0}}');
    expect(render({ input: '', metadata: { kwargs: { num_words: 300 }, tags: ['a', 'b'] } })).toBe('{"num_words":300} | 300 | a');
  });

  it('leaves text without placeholders alone, including single braces', () => {
    expect(compileTemplate('JSON like {"a": 1} stays')({ input: 'x', metadata: {} })).toBe('JSON like {"a": 1} stays');
  });

  it('rejects unknown placeholders when compiling, {{reference}} included', () => {
    expect(() => compileTemplate('{{input}} {{reference}}')).toThrow(/unknown placeholder \{\{reference\}\}/);
    expect(() => compileTemplate('{{inptu}}')).toThrow(/unknown placeholder \{\{inptu\}\}/);
    expect(() => compileTemplate('{{metadata.}}')).toThrow(/unknown placeholder/);
  });

  it('throws a TemplateError when an item lacks the metadata a placeholder names', () => {
    const render = compileTemplate('{{metadata.plan}}');
    expect(() => render({ input: 'x', metadata: {} })).toThrow(TemplateError);
    expect(() => render({ input: 'x', metadata: {} })).toThrow(/metadata "plan"/);
  });
});

describe('getPath', () => {
  it('walks objects and arrays and returns undefined for anything missing', () => {
    const value = { a: { b: [{ c: 'deep' }] }, n: null };
    expect(getPath(value, 'a.b.0.c')).toBe('deep');
    expect(getPath(value, 'a.x.c')).toBeUndefined();
    expect(getPath(value, 'n.c')).toBeUndefined();
    expect(getPath(value, 'a.toString')).toBeUndefined();
  });
});
