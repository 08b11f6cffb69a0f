import { getPath } from './dotted-path.js';

/** What a prompt template may use. `{{reference}}` is deliberately absent: it would hand the candidate the answer. */
export interface TemplateVars {
  input: string;
  metadata: Record<string, unknown>;
}

export type RenderTemplate = (vars: TemplateVars) => string;

/** A placeholder the item cannot fill (e.g. a metadata key it lacks); thrown at render time. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const METADATA = /^metadata\.([^.\s]+(?:\.[^.\s]+)*)$/;

type Part = { literal: string } | { input: true } | { metadata: string };

/**
 * Compiles `{{input}}` / `{{metadata.<key>}}` templates. Unknown placeholders throw here, so a
 * typo fails when the candidate is created rather than once per item. Hand-written: the syntax is
 * two placeholders, and a template engine would accept (and silently blank) anything else.
 */
export function compileTemplate(template: string): RenderTemplate {
  const parts: Part[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    parts.push({ literal: template.slice(last, match.index) });
    last = match.index + match[0].length;
    if (name === 'input') {
      parts.push({ input: true });
      continue;
    }
    const key = METADATA.exec(name)?.[1];
    if (key === undefined) {
      throw new Error(`unknown placeholder {{${name}}} in prompt template (known: {{input}}, {{metadata.<key>}})`);
    }
    parts.push({ metadata: key });
  }
  parts.push({ literal: template.slice(last) });

  return (vars) =>
    parts
      .map((part) => {
        if ('literal' in part) return part.literal;
        if ('input' in part) return vars.input;
        const value = getPath(vars.metadata, part.metadata);
        if (value === undefined) throw new TemplateError(`the prompt template needs metadata "${part.metadata}", which the item lacks`);
        return typeof value === 'string' ? value : JSON.stringify(value);
      })
      .join('');
}
