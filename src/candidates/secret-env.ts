/** Names that hold credentials by convention (`GITHUB_TOKEN`, `COHERE_API_KEY`, `DB_PASSWORD`...). */
const SECRET_NAME = /(^|_)(API_?KEY|TOKEN|SECRET|PASSWORD)$/i;

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
