import type { Candidate } from '../candidates/adapter.js';
import { adapterRegistry } from '../candidates/registry.js';
import { configSecretNames } from '../config/secret-names.js';
import type { LoadedConfig } from '../config/load.js';
import { UserError, errorMessage } from '../errors.js';
import type { GoldenItem } from '../goldensets/item.js';
import { loadGoldenSets } from '../goldensets/load.js';
import { unusableChecks } from '../goldensets/usable-checks.js';
import { stratifiedSample } from '../goldensets/sample.js';
import type { TrafficMonitor } from '../models/traffic.js';
import { mulberry32 } from '../stats/prng.js';

/** Problems listed at once before the rest is summed up: enough to fix a file in one pass. */
const MAX_REPORTED = 20;

/** Loads a suite's golden sets, applying --sample; every input problem is a UserError (exit 2). */
export async function loadSuiteItems(loaded: LoadedConfig, suite: string, sample?: { size: number; seed: number }): Promise<GoldenItem[]> {
  const suiteConfig = loaded.config.suites[suite];
  if (!suiteConfig) throw new UserError(`unknown suite "${suite}" (known: ${Object.keys(loaded.config.suites).join(', ')})`);
  const items = await loadGoldenSets(suiteConfig.goldenSets.map(loaded.resolve), loaded.display);
  const unusable = unusableChecks(items, suiteConfig.checks);
  if (unusable.length > 0)
    throw new UserError(unusable.slice(0, MAX_REPORTED).join('\n') + (unusable.length > MAX_REPORTED ? `\n(and ${unusable.length - MAX_REPORTED} more)` : ''));
  return sample ? stratifiedSample(items, { size: sample.size, random: mulberry32(sample.seed) }) : items;
}

/** Creates the candidate from its adapter; a failure here is a config problem (exit 2). */
export async function createCandidate(
  loaded: LoadedConfig,
  id: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  traffic?: TrafficMonitor,
): Promise<Candidate> {
  const config = loaded.config.candidates[id];
  if (!config) throw new UserError(`unknown candidate "${id}" (known: ${Object.keys(loaded.config.candidates).join(', ')})`);
  const adapter = adapterRegistry.get(config.adapter.type);
  if (!adapter) throw new UserError(`candidate "${id}": unknown adapter type "${config.adapter.type}"`);
  try {
    return await adapter.create(config.adapter.options, {
      configDir: loaded.dir,
      candidateId: id,
      timeoutMs,
      env,
      secretEnv: configSecretNames(loaded.config),
      prices: loaded.config.prices,
      ...(traffic ? { traffic } : {}),
    });
  } catch (err) {
    throw new UserError(`candidate "${id}": ${errorMessage(err)}`);
  }
}
