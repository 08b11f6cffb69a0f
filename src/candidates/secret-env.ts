import type { Config } from '../config/schema.js';
import { PROVIDER_KEY_ENVS } from '../models/providers.js';

/** Names that hold credentials by convention (`GITHUB_TOKEN`, `COHERE_API_KEY`, `DB_PASSWORD`...). */
const SECRET_NAME = /(^|_)(API_?KEY|TOKEN|SECRET|PASSWORD)$/i;
const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The environment variables that hold secrets for this config: the providers' keys, every
 * `apiKeyEnv` of a judge or model candidate, every `${NAME}` an http candidate puts in a header.
 */
export function configSecretNames(config: Pick<Config, 'judges' | 'candidates'>): string[] {
  const names = new Set(PROVIDER_KEY_ENVS);
  for (const judge of Object.values(config.judges)) if ('apiKeyEnv' in judge && judge.apiKeyEnv) names.add(judge.apiKeyEnv);
  for (const candidate of Object.values(config.candidates)) {
    const options = candidate.adapter.options as { apiKeyEnv?: unknown; headers?: unknown };
    if (typeof options.apiKeyEnv === 'string') names.add(options.apiKeyEnv);
    if (options.headers && typeof options.headers === 'object') {
      for (const value of Object.values(options.headers)) {
        if (typeof value === 'string') for (const match of value.matchAll(ENV_REFERENCE)) names.add(match[1] ?? '');
      }
    }
  }
  return [...names];
}

/** Whether a variable is a secret: named in the config, or named like one. */
export function isSecretName(name: string, configured: readonly string[]): boolean {
  return configured.includes(name) || SECRET_NAME.test(name);
}

/**
 * The environment an outside program (command candidate) gets: the harness's, without its secrets,
 * except those the config passes on by name (`passEnv`).
 */
export function withoutSecrets(env: NodeJS.ProcessEnv, configured: readonly string[], pass: readonly string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => pass.includes(name) || !isSecretName(name, configured)));
}

/** The values of every secret variable in `env`, for redact(). */
export function secretValues(env: NodeJS.ProcessEnv, configured: readonly string[]): string[] {
  return Object.entries(env).flatMap(([name, value]) => (value !== undefined && isSecretName(name, configured) ? [value] : []));
}
