import { choice } from './choice.js';
import { citations } from './citations.js';
import { contains } from './contains.js';
import { equals } from './equals.js';
import { ifeval } from './ifeval/check.js';
import { json } from './json.js';
import { jsonSchema } from './json-schema.js';
import { length } from './length.js';
import { normalizedEquals } from './normalized-equals.js';
import { notContains } from './not-contains.js';
import { numeric } from './numeric.js';
import { refusal } from './refusal.js';
import { regex } from './regex.js';
import type { z } from 'zod';
import { Registry } from '../../util/registry.js';
import type { CheckDefinition } from './types.js';

/**
 * Every check type, by name. Adding a check = one file exporting a `defineCheck(...)` plus its
 * test, and one line here; a config's plugins add theirs (src/plugins/register.ts).
 */
const definitions = [equals, normalizedEquals, contains, notContains, regex, json, jsonSchema, length, refusal, numeric, choice, citations, ifeval] as const;

/**
 * A check as a config writes it, `{ type: 'contains', values: [...] }`: one member per check type,
 * so a misspelt type or parameter is a compile error in the editor.
 */
export type CheckSpecInput = SpecOf<(typeof definitions)[number]>;
export type SpecOf<D> = D extends { type: infer T extends string; params: infer P extends z.ZodType } ? { type: T; name?: string } & z.input<P> : never;

export const checkRegistry: Registry<CheckDefinition> = new Registry<CheckDefinition>(
  'check type',
  definitions.map((d): [string, CheckDefinition] => [d.type, d]),
);
