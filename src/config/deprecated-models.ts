import { locate } from '../errors.js';
import { MODEL_DEPRECATIONS_URL, modelDeprecation, type ModelDeprecation } from '../models/deprecations.js';
import type { LoadedConfig } from './load.js';
import type { Config } from './schema.js';

export interface DeprecatedModelField {
  /** Where the model is named, e.g. ['judges', 'claude', 'model']. */
  keys: string[];
  deprecation: ModelDeprecation;
}

/** The config's model fields (judges' `model`, candidates' `adapter.model`) that name a deprecated or retired model. */
export function deprecatedModelFields(config: Config, today: Date): DeprecatedModelField[] {
  const fields: Array<{ keys: string[]; model: unknown }> = [
    ...Object.entries(config.judges).map(([id, judge]) => ({ keys: ['judges', id, 'model'], model: 'model' in judge ? judge.model : undefined })),
    // Adapter options are each adapter's own (plugins add theirs); a string `model` is a model id in any of them.
    ...Object.entries(config.candidates).map(([id, candidate]) => ({
      keys: ['candidates', id, 'adapter', 'model'],
      model: modelOption(candidate.adapter.options),
    })),
  ];
  return fields.flatMap(({ keys, model }) => {
    const deprecation = typeof model === 'string' ? modelDeprecation(model, today) : undefined;
    return deprecation ? [{ keys, deprecation }] : [];
  });
}

function modelOption(options: unknown): unknown {
  return typeof options === 'object' && options !== null && 'model' in options ? options.model : undefined;
}

/** One line per deprecated model field: file (and line, for YAML/JSON), field, model and date. */
export function deprecatedModelWarnings(loaded: LoadedConfig, today: Date): string[] {
  return deprecatedModelFields(loaded.config, today).map(({ keys, deprecation: { model, endOfLife, retired } }) => {
    const what = retired
      ? `${model} reached end-of-life on ${endOfLife}: calls to it fail. Move to a current model`
      : `${model} is deprecated and reaches end-of-life on ${endOfLife}. Move to a current model before then`;
    return `warning: ${locate(loaded.display(loaded.file), loaded.lineOf?.(keys), `"${keys.join('.')}": ${what} (${MODEL_DEPRECATIONS_URL}).`)}`;
  });
}
