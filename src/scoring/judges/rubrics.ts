import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../../util/yaml.js';
import { RubricFrontMatterSchema, defaultPassThreshold, type Rubric, type RubricScale } from '../../config/rubric.js';
import { formatIssues } from '../../util/zod-issues.js';
import { UserError, errorMessage, locate } from '../../errors.js';

/**
 * Rubric files: `rubrics/<id>.md`, YAML front matter between `---` lines (validated with
 * RubricFrontMatterSchema), then Markdown instructions for the judge. Every problem names the
 * file and the line of the offending key, so a rubric is fixed in one pass.
 */

/** Lowest and highest score of a scale; a pass threshold must lie within. */
export function scaleRange(scale: RubricScale): [number, number] {
  return scale === '1-5' ? [1, 5] : [0, 1];
}

/** Whether a score (an example's, a human label) is a value of the scale: 0/1, 1..5, or [0, 1]. */
export function isOnScale(scale: RubricScale, value: number): boolean {
  if (scale === 'binary') return value === 0 || value === 1;
  if (scale === '1-5') return Number.isInteger(value) && value >= 1 && value <= 5;
  return value >= 0 && value <= 1;
}

interface Split {
  yaml: string;
  body: string;
  /** File line of the YAML's first line, so YAML positions map back to the file. */
  firstYamlLine: number;
}

function splitFrontMatter(text: string): Split | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return undefined;
  return { yaml: lines.slice(1, close).join('\n'), body: lines.slice(close + 1).join('\n'), firstYamlLine: 2 };
}

/**
 * The file line of the key (or list item) at `keys`; for a key that is absent, the line of its
 * nearest present parent, and the opening `---` (line 1) when even the top-level key is absent.
 */
function lineOf(doc: Document, keys: readonly PropertyKey[], counter: LineCounter, firstYamlLine: number): number {
  const lineAt = (range: readonly number[] | null | undefined, fallback: number): number =>
    range ? counter.linePos(range[0] as number).line + firstYamlLine - 1 : fallback;
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let line = 1;
  for (const key of keys) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (!pair) break;
      line = lineAt(isScalar(pair.key) ? pair.key.range : undefined, line);
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(key)];
      if (item === undefined) break;
      line = lineAt(isScalar(item) || isMap(item) || isSeq(item) ? item.range : undefined, line);
      node = item;
    } else break;
  }
  return line;
}

/**
 * Parses one rubric file (its bytes, or text); `file` is how messages name it. `idLine` is where
 * the id is written, for the loader's file-name and duplicate checks.
 */
export function parseRubric(source: string | Uint8Array, file: string): { rubric: Rubric; idLine: number } | { errors: string[] } {
  const bytes = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
  const split = splitFrontMatter(Buffer.from(bytes).toString('utf8'));
  if (!split) return { errors: [locate(file, 1, 'no front matter: a rubric starts with YAML between two "---" lines')] };
  const { LineCounter, parseDocument } = yaml();
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((err) => locate(file, counter.linePos(err.pos[0]).line + split.firstYamlLine - 1, `invalid YAML: ${err.message}`)),
    };
  }
  const at = (keys: readonly PropertyKey[]): number => lineOf(doc, keys, counter, split.firstYamlLine);
  const data: unknown = doc.toJS();
  const parsed = RubricFrontMatterSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const messages = formatIssues(parsed.error, data ?? {});
    return {
      errors: parsed.error.issues.map((issue, i) => {
        const keys = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
        return locate(file, at(keys), messages[i] ?? issue.message);
      }),
    };
  }
  const front = parsed.data;
  const errors: string[] = [];
  const [low, high] = scaleRange(front.scale);
  if (front.passThreshold !== undefined && (front.passThreshold < low || front.passThreshold > high)) {
    errors.push(locate(file, at(['passThreshold']), `"passThreshold" ${front.passThreshold} is off the ${front.scale} scale (${low} to ${high})`));
  }
  front.examples.forEach((example, i) => {
    if (!isOnScale(front.scale, example.score)) {
      errors.push(locate(file, at(['examples', i, 'score']), `"examples.${i}.score" ${example.score} is not a score on the ${front.scale} scale`));
    }
  });
  if (errors.length > 0) return { errors };
  return {
    rubric: {
      ...front,
      passThreshold: front.passThreshold ?? defaultPassThreshold(front.scale),
      instructions: split.body.trim(),
      // The bytes as stored, not the decoded text, so the fingerprint is exactly the file's.
      hash: createHash('sha256').update(bytes).digest('hex'),
      file,
    },
    idLine: at(['id']),
  };
}

/**
 * Loads every `*.md` in `dir` as a rubric, keyed by id. A missing folder is no rubrics (a project
 * may use none); every problem in every file is gathered into one UserError (exit 2).
 */
export async function loadRubrics(dir: string, display: (p: string) => string = (p) => p): Promise<Map<string, Rubric>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new UserError(`${display(dir)}: cannot read the rubrics folder: ${errorMessage(err)}`);
  }
  const rubrics = new Map<string, Rubric>();
  const errors: string[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const shown = display(file);
    const result = parseRubric(await readFile(file), shown);
    if ('errors' in result) {
      errors.push(...result.errors);
      continue;
    }
    const { rubric, idLine } = result;
    const expected = name.slice(0, -'.md'.length);
    if (rubric.id !== expected) {
      errors.push(locate(shown, idLine, `"id" is "${rubric.id}" but the file is named ${expected}.md: they must match`));
    }
    const first = rubrics.get(rubric.id);
    if (first) errors.push(locate(shown, idLine, `duplicate rubric id "${rubric.id}" (also in ${first.file})`));
    else rubrics.set(rubric.id, rubric);
  }
  if (errors.length > 0) throw new UserError(errors.join('\n'));
  return rubrics;
}

/** The rubric with this id, or a UserError listing the ids there are. */
export function requireRubric(rubrics: ReadonlyMap<string, Rubric>, id: string, dirShown: string): Rubric {
  const rubric = rubrics.get(id);
  if (rubric) return rubric;
  const known = [...rubrics.keys()].join(', ') || 'none';
  throw new UserError(`unknown rubric "${id}": no ${dirShown}/${id}.md (rubrics there: ${known})`);
}
