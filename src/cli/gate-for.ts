import { loadConfig } from '../config/load.js';
import { GateConfigSchema, type GateConfig } from '../gate/config.js';
import { UserError } from '../errors.js';
import type { CliIO } from './io.js';

/** The suite's gate rules from the config when there is one; the defaults otherwise (with a note). */
export async function gateFor(suite: string, configPath: string | undefined, io: CliIO): Promise<GateConfig> {
  try {
    const loaded = await loadConfig(configPath, io.cwd);
    const gate = loaded.config.suites[suite]?.gate;
    if (gate) return gate;
  } catch (err) {
    if (configPath || !(err instanceof UserError) || !/no config found/.test(err.message)) throw err;
  }
  io.stderr.write(`note: no config with suite "${suite}": using the default gate rules\n`);
  return GateConfigSchema.parse({});
}
