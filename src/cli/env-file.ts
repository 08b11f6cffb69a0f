import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { UserError, errorMessage } from '../errors.js';
import type { CliIO } from './io.js';

/**
 * The command's environment with keys from `--env-file <path>`, else from a `.env` beside the
 * config when there is one. A variable already set wins, as with Node's own --env-file. Values
 * are never printed: only the file and how many variables it added.
 */
export function withEnvFile(io: CliIO, flag: string | undefined, configDir: string): CliIO {
  const file = flag ? path.resolve(io.cwd, flag) : path.join(configDir, '.env');
  if (!flag && !existsSync(file)) return io;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`--env-file ${flag ?? file}: cannot read: ${errorMessage(err)}`);
  }
  const parsed = parseEnv(text);
  const env: NodeJS.ProcessEnv = { ...io.env };
  for (const [name, value] of Object.entries(parsed)) if (env[name] === undefined && value !== undefined) env[name] = value;
  return { ...io, env };
}
