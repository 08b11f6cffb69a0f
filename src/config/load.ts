import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError, errorMessage, locate } from '../errors.js';
import { importModule } from '../util/import-module.js';
import { ConfigSchema, type Config } from './schema.js';
import { DATA_CONFIG, readDataConfig } from './data-config.js';
import { formatIssues, issueLines, suggestKnownKeys } from '../util/zod-issues.js';
import { PluginError, loadPlugins } from '../plugins/load.js';
import { registerPlugins } from '../plugins/register.js';

export const DEFAULT_CONFIG_FILES = [
  'evals.config.ts',
  'evals.config.mts',
  'evals.config.js',
  'evals.config.mjs',
  'evals.config.yaml',
  'evals.config.yml',
  'evals.config.json',
];

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the config file. */
  file: string;
  /** Folder that relative paths in the config resolve against. */
  dir: string;
  /** Absolute path for a path written in the config. */
  resolve(p: string): string;
  /** How to show an absolute path to the user: relative to the working folder when inside it. */
  display(p: string): string;
  /** The line of a field in a YAML or JSON config; absent for a module config, whose lines are code. */
  lineOf?(keys: readonly PropertyKey[]): number | undefined;
}

/** Finds, imports and validates the config; every problem is a UserError naming file and field. */
export async function loadConfig(configPath: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = findConfig(configPath, cwd);
  const shown = displayPath(file, cwd);
  let exported: unknown;
  const data = DATA_CONFIG.test(file) ? readDataConfig(file, shown) : undefined;
  if (data) exported = data.value;
  else {
    try {
      const mod = await importModule(file);
      exported = mod.default ?? mod.config;
    } catch (err) {
      throw new UserError(`${shown}: cannot load config: ${firstLine(errorMessage(err))}`);
    }
  }
  if (exported === undefined) throw new UserError(`${shown}: export the config as default (export default defineConfig({...}))`);
  await usePlugins(exported, file, (keys, message) => {
    const field = `"${keys.join('.')}": ${message}`;
    return data ? locate(shown, data.lineOf(keys), field) : `${shown}: ${field}`;
  });
  const parsed = ConfigSchema.safeParse(exported, { error: suggestKnownKeys });
  if (!parsed.success) {
    if (data) {
      const lines = issueLines(parsed.error, exported).map(({ path, keys, message, missing }) =>
        locate(shown, data.lineOf(keys), missing ? `"${path}" is missing` : path ? `"${path}": ${message}` : message),
      );
      throw new UserError(lines.join('\n'));
    }
    throw new UserError(
      formatIssues(parsed.error, exported)
        .map((line) => `${shown}: ${line}`)
        .join('\n'),
    );
  }
  checkReferences(parsed.data, shown);
  const dir = path.dirname(file);
  return {
    config: parsed.data,
    file,
    dir,
    resolve: (p) => path.resolve(dir, p),
    display: (p) => displayPath(p, cwd),
    ...(data ? { lineOf: (keys: readonly PropertyKey[]) => data.lineOf(keys) } : {}),
  };
}

/**
 * Registers the config's plugins, replacing any earlier config's, before the config is validated:
 * its checks, adapters and judge kinds are looked up in the registries as it is parsed. A
 * `plugins` that is not an array is left for the schema to report.
 */
async function usePlugins(exported: unknown, file: string, at: (keys: Array<string | number>, message: string) => string): Promise<void> {
  const entries = (exported as { plugins?: unknown } | null)?.plugins;
  try {
    registerPlugins(Array.isArray(entries) ? await loadPlugins(entries, file) : []);
  } catch (err) {
    if (err instanceof PluginError) throw new UserError(at(['plugins', err.index], err.message));
    throw new UserError(at(['plugins'], errorMessage(err)));
  }
}

function findConfig(configPath: string | undefined, cwd: string): string {
  if (configPath) {
    const file = path.resolve(cwd, configPath);
    if (!existsSync(file)) throw new UserError(`${configPath}: config file not found`);
    return file;
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return file;
  }
  throw new UserError(`no config found in ${cwd} (looked for ${DEFAULT_CONFIG_FILES.join(', ')}); pass --config <path>`);
}

/** Names that point at other config entries must exist. */
function checkReferences(config: Config, shown: string): void {
  const problems: string[] = [];
  for (const [id, candidate] of Object.entries(config.candidates)) {
    for (const suite of candidate.suites ?? []) {
      if (!config.suites[suite]) problems.push(`"candidates.${id}.suites": unknown suite "${suite}"`);
    }
    if (candidate.base && !config.candidates[candidate.base]) {
      problems.push(`"candidates.${id}.base": unknown candidate "${candidate.base}"`);
    }
  }
  if (problems.length > 0) throw new UserError(problems.map((p) => `${shown}: ${p}`).join('\n'));
}

export function displayPath(p: string, cwd: string): string {
  const relative = path.relative(cwd, p);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : p;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
