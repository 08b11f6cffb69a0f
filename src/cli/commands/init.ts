import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ExitCode, UserError } from '../../errors.js';
import { scaffold } from '../../init/scaffold.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

const PACKAGE = 'evals-gate';

/**
 * `evals init [folder]`: a starter project that runs at once, offline — config, golden set with a
 * long-tail slice, rubric, module candidate, GitHub workflow and .gitignore lines. Asks nothing;
 * an existing file is left alone and listed as skipped.
 */
export default async function init(argv: string[], io: CliIO): Promise<number> {
  const { positionals } = parseCommandArgs('init', argv);
  if (positionals.length > 1) throw new UserError('evals init takes at most one folder');
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(`${positionals[0]}: not a folder`);

  const { written, skipped, ignored } = scaffold(dir);
  for (const file of written) io.stdout.write(`  wrote    ${file}\n`);
  for (const file of skipped) io.stdout.write(`  skipped  ${file} (exists; left as it is)\n`);
  if (ignored.length > 0) io.stdout.write(`  added    ${ignored.join(', ')} to .gitignore\n`);

  const steps = [
    ...(installed(dir) ? [] : [`npm install --save-dev ${PACKAGE}`]),
    'npx evals run    # offline; writes reports/faq/my-candidate.json',
    'git add -A && git commit -m "evals: baseline"   # the committed report is the baseline',
  ];
  io.stdout.write(`\nNext:\n${steps.map((step) => `  ${step}\n`).join('')}`);
  io.stdout.write('Then replace candidates/my-candidate.ts with your system and grow goldensets/faq.jsonl;\n');
  io.stdout.write('pull requests are gated by .github/workflows/evals.yml.\n');
  return ExitCode.ok;
}

/** Whether the config's `import ... from 'evals-gate'` resolves from the folder. */
function installed(dir: string): boolean {
  try {
    createRequire(path.join(dir, 'package.json')).resolve(PACKAGE);
    return true;
  } catch {
    return false;
  }
}
