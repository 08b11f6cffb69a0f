import { readFileSync } from 'node:fs';
import { yaml } from '../util/yaml.js';
import { UserError, errorMessage, locate } from '../errors.js';

export const DATA_CONFIG = /\.(ya?ml|json)$/i;

/** A YAML or JSON config (JSON is read as YAML, its subset), and the line of any field in it. */
export function readDataConfig(file: string, shown: string): { value: unknown; lineOf(keys: readonly PropertyKey[]): number | undefined } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${shown}: cannot read config: ${errorMessage(err)}`);
  }
  const { isNode, parseDocument } = yaml();
  const doc = parseDocument(text);
  const [error] = doc.errors;
  if (error)
    throw new UserError(locate(shown, error.linePos?.[0]?.line, (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '')));
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  return {
    value: doc.toJS(),
    lineOf(keys) {
      // The deepest node that exists on the path: an unknown key's own line, else its object's.
      for (let n = keys.length; n >= 0; n--) {
        const node = doc.getIn(keys.slice(0, n) as unknown[], true);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}
