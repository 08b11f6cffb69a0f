/**
 * End-of-life dates (UTC) of the models Anthropic has deprecated, from its model-deprecations page
 * (docs.anthropic.com/en/docs/resources/model-deprecations) as @anthropic-ai/sdk 1.14.0, the version
 * package-lock.json pins, mirrors it in its deprecated-models list. Copied, not imported: that list
 * is the SDK's internal API and may move. Compare it again when the SDK is bumped.
 */
export const MODEL_END_OF_LIFE: Readonly<Record<string, string>> = {
  'claude-mythos-preview': '2026-06-30',
  'claude-opus-4-5': '2027-01-22',
  'claude-opus-4-5-20251101': '2027-01-22',
  'claude-sonnet-4-5': '2026-11-30',
  'claude-sonnet-4-5-20250929': '2026-11-30',
};

export const MODEL_DEPRECATIONS_URL = 'docs.anthropic.com/en/docs/resources/model-deprecations';

export interface ModelDeprecation {
  model: string;
  /** YYYY-MM-DD: from this day on the model no longer answers. */
  endOfLife: string;
  /** The day has come: calls to the model fail. Before it, the model answers but is deprecated. */
  retired: boolean;
}

/** The deprecation of `model` as of `today`; undefined for a model not in the table. */
export function modelDeprecation(model: string, today: Date): ModelDeprecation | undefined {
  if (!Object.hasOwn(MODEL_END_OF_LIFE, model)) return undefined;
  const endOfLife = MODEL_END_OF_LIFE[model] as string;
  return { model, endOfLife, retired: today.toISOString().slice(0, 10) >= endOfLife };
}
