import { pathToFileURL } from 'node:url';

/**
 * Imports a user's .ts/.js module (config file, module candidate). Plain .js/.mjs goes through
 * Node's own loader; TypeScript goes through jiti, loaded only when needed so `evals --help`
 * stays fast. (Node 20 cannot strip types itself.)
 */
export async function importModule(file: string): Promise<Record<string, unknown>> {
  if (/\.(c|m)?js$/.test(file)) {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: false });
  return (await jiti.import(file)) as Record<string, unknown>;
}
