import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExitCode, UserError, errorMessage } from '../../errors.js';
import { labelsFromCsv } from '../../labels/csv.js';
import { DEFAULT_EVALUATOR, convertLlmbar } from '../../labels/llmbar.js';
import { displayPath } from '../../config/load.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { parseCommandArgs } from '../args.js';
import type { CliIO } from '../io.js';

const FORMATS = ['llmbar', 'csv'] as const;

/**
 * `evals labels import <format> <path> [--out <file>]`: human labels from another format into
 * evals' labels JSONL (src/scoring/judges/calibrate-labels.ts), for `evals calibrate --labels`.
 * `llmbar` also converts an evaluator's recorded verdicts (`--out-verdicts`). Everything is
 * converted and checked before anything is written.
 */
export default async function labels(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs('labels', argv);
  const [action, format, source, ...extra] = positionals;
  const usage = `usage: evals labels import <${FORMATS.join('|')}> <path> [--out <file>]`;
  if (action !== 'import' || !format || !source || extra.length > 0) throw new UserError(usage);
  const display = (p: string) => displayPath(p, io.cwd);
  const input = path.resolve(io.cwd, source);
  const outFile = values.out === undefined ? undefined : path.resolve(io.cwd, values.out);
  if (format !== 'llmbar' && (values['out-verdicts'] !== undefined || values.evaluator !== undefined || values.prefix !== undefined)) {
    throw new UserError('--out-verdicts, --evaluator and --prefix are for llmbar sets');
  }

  const outputs: Array<{ file: string; text: string; what: string }> = [];
  let labelsText: string;
  let summary: string;
  if (format === 'llmbar') {
    const converted = convertLlmbar(input, {
      display,
      ...(values.evaluator === undefined ? {} : { evaluator: values.evaluator }),
      ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
    });
    labelsText = converted.labels;
    summary = `${lineCount(converted.labels)} pairwise labels`;
    const { recorded } = converted;
    if (values['out-verdicts'] !== undefined) {
      if (!recorded) throw new UserError(`${display(input)}: no recorded verdicts to write to --out-verdicts (no evaluators/${DEFAULT_EVALUATOR}/result.json)`);
      const file = path.resolve(io.cwd, values['out-verdicts']);
      const figures = ['correct_False', 'correct_True', 'correct_both', 'equal'].map((k) => `${k} ${recorded.statistics[k]}`).join(', ');
      outputs.push({
        file,
        text: recorded.verdicts,
        what: `${lineCount(recorded.verdicts)} recorded verdicts of ${recorded.evaluator} (its statistics.json reproduced: ${figures})`,
      });
    }
  } else if (format === 'csv') {
    let text: string;
    try {
      text = readFileSync(input, 'utf8');
    } catch (err) {
      throw new UserError(`${display(input)}: cannot read labels: ${errorMessage(err)}`);
    }
    const converted = labelsFromCsv(text, display(input));
    labelsText = converted.labels;
    summary = `${converted.count} ${converted.kind} labels`;
  } else {
    throw new UserError(`unknown labels format "${format}" (known: ${FORMATS.join(', ')})\n${usage}`);
  }

  if (outFile === undefined) {
    io.stdout.write(labelsText);
  } else {
    outputs.unshift({ file: outFile, text: labelsText, what: summary });
  }
  const files = outputs.map((o) => o.file);
  for (const file of files) {
    if (file === input || files.indexOf(file) !== files.lastIndexOf(file)) throw new UserError(`${display(file)}: would overwrite the input or another output`);
  }
  for (const { file, text, what } of outputs) {
    writeFileAtomic(file, text);
    (outFile === undefined ? io.stderr : io.stdout).write(`wrote ${what} to ${display(file)}\n`);
  }
  return ExitCode.ok;
}

function lineCount(text: string): number {
  return text.split('\n').filter((line) => line !== '').length;
}
