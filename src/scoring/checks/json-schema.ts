import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { z } from 'zod';
import { errorMessage } from '../../errors.js';
import { extractJson } from './json-extract.js';
import { guardedRegExp } from './guarded-regex.js';
import { failed, passed } from './outcome.js';
import { defineCheck } from './types.js';

type Schema = Record<string, unknown>;

/**
 * strictSchema stays on so an unknown keyword (a typo such as "requird") is a param error; the
 * type/tuple strictness only logs warnings, which would be noise on the console.
 */
const AJV_OPTIONS: Options = { allErrors: true, strictTypes: false, strictTuples: false, code: { regExp: guardedRegExp } };

/**
 * Compiled validators keyed by the schema's JSON, so a schema repeated on many items is compiled
 * once. Schemas without an `$id` share one Ajv instance per dialect (a new instance compiles its
 * meta-schema first: ~65 ms each, a second of CPU for the bundled example's 18 schemas); a schema
 * naming an `$id` anywhere gets its own, since two that share an `$id` would collide in one
 * instance's registry.
 */
const validators = new Map<string, ValidateFunction>();
const sharedAjv = new Map<string, Ajv>();

/**
 * Ajv (CommonJS, a fifth of a second to load) is required on the first schema, not imported with
 * the check registry: a run without a json-schema check never loads it.
 */
const require = createRequire(import.meta.url);

function newAjv(dialect: string): Ajv {
  if (dialect === '2020-12') return new (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020(AJV_OPTIONS);
  if (dialect === '2019-09') return new (require('ajv/dist/2019.js') as typeof import('ajv/dist/2019.js')).Ajv2019(AJV_OPTIONS);
  return new (require('ajv') as typeof import('ajv')).Ajv(AJV_OPTIONS);
}

function ajvFor(schema: Schema, json: string): Ajv {
  const declared = typeof schema.$schema === 'string' ? schema.$schema : '';
  const dialect = declared.includes('2020-12') ? '2020-12' : declared.includes('2019-09') ? '2019-09' : 'draft-07';
  if (json.includes('"$id"')) return newAjv(dialect);
  let ajv = sharedAjv.get(dialect);
  if (!ajv) {
    ajv = newAjv(dialect);
    sharedAjv.set(dialect, ajv);
  }
  return ajv;
}

/** The cached validator for `schema`, compiling it on first use; throws if the schema is invalid. */
export function compileSchema(schema: Schema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajvFor(schema, key).compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra = error.keyword === 'additionalProperties' ? ` ${JSON.stringify(error.params.additionalProperty)}` : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** The answer's JSON (see extractJson) validates against a JSON Schema (draft-07 unless `$schema` says 2019-09 / 2020-12). */
export const jsonSchema = defineCheck({
  type: 'json-schema',
  summary: 'answer is JSON that validates against a JSON Schema',
  params: z.strictObject({ schema: z.record(z.string(), z.unknown()) }).superRefine(({ schema }, ctx) => {
    try {
      compileSchema(schema);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['schema'], message: `invalid JSON Schema: ${errorMessage(err)}` });
    }
  }),
  run({ output }, { schema }) {
    const extracted = extractJson(output.text);
    if (!extracted.ok) return failed(`invalid JSON: ${extracted.error}`);
    const validate = compileSchema(schema);
    if (validate(extracted.value)) return passed();
    const errors = (validate.errors ?? []).slice(0, 2).map(describe);
    return failed(`schema: ${errors.join('; ') || 'invalid'}`);
  },
});
