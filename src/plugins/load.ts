import { createRequire } from 'node:module';
import path from 'node:path';
import { importModule } from '../util/import-module.js';
import { errorMessage } from '../errors.js';
import { PluginSchema, type Plugin } from './plugin.js';

/** A problem with one entry of `plugins`, by its index, for the caller to place in the config file. */
export class PluginError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'PluginError';
  }
}

/**
 * The plugins a config lists: objects as they are, module paths imported (relative to the config's
 * folder; a bare name is resolved as a package from there) for their default export, a plugin or
 * an array of them. YAML and JSON configs can only name modules; TS/JS configs can do either.
 * Every plugin is checked by PluginSchema, so a malformed one is an input error, not a crash later.
 */
export async function loadPlugins(entries: readonly unknown[], configFile: string): Promise<Plugin[]> {
  const plugins: Plugin[] = [];
  for (const [index, entry] of entries.entries()) {
    const found = typeof entry === 'string' ? await importPlugins(entry, configFile, index) : [entry];
    for (const candidate of found) {
      const parsed = PluginSchema.safeParse(candidate);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
        const from = typeof entry === 'string' ? `${entry}: ` : '';
        throw new PluginError(index, `${from}${issue?.message ?? 'not a plugin'}${field}`);
      }
      plugins.push(candidate as Plugin);
    }
  }
  return plugins;
}

async function importPlugins(specifier: string, configFile: string, index: number): Promise<unknown[]> {
  let mod: Record<string, unknown>;
  try {
    const file =
      /^\.{0,2}[\\/]/.test(specifier) || path.isAbsolute(specifier)
        ? path.resolve(path.dirname(configFile), specifier)
        : createRequire(configFile).resolve(specifier);
    mod = await importModule(file);
  } catch (err) {
    throw new PluginError(index, `${specifier}: cannot load: ${errorMessage(err).split('\n')[0]}`);
  }
  const exported = mod['default'];
  if (exported === undefined) throw new PluginError(index, `${specifier}: export the plugin (or an array of plugins) as default`);
  return Array.isArray(exported) ? exported : [exported];
}
