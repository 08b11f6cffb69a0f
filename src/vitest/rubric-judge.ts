import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_CONFIG_FILES, loadConfig, type LoadedConfig } from '../config/load.js';
import type { Rubric } from '../config/rubric.js';
import { JudgeConfigSchema, type JudgeConfig } from '../config/schema.js';
import { formatIssues } from '../util/zod-issues.js';
import { UserError, errorMessage } from '../errors.js';
import { VerdictCache } from '../models/cache.js';
import { createModelVerdictSource } from '../models/verdict-source.js';
import { runJudgedMetrics } from '../scoring/judged-run.js';
import { createReplayVerdictSource } from '../scoring/judges/replay-source.js';
import { parseRubric, requireRubric, loadRubrics } from '../scoring/judges/rubrics.js';
import type { VerdictSource } from '../contracts/verdict-source.js';
import type { JudgmentResult } from '../contracts/item-result.js';
import { matcherItem, toOutput, type ItemFields } from './answer-checks.js';

export interface RubricOptions extends ItemFields {
  /** A judge id of the evals config, or a judge's config as written there ({ provider, model, ... }). */
  judge: string | Record<string, unknown>;
  /** The question the answer replies to: the judge is shown it. */
  input: ItemFields['input'];
  /** The evals config (judge and rubric ids, cache folder), relative to `cwd`; default: evals.config.* there when one exists. */
  config?: string;
  cwd?: string;
}

/**
 * One rubric judgment of an answer, as a suite run makes it: the same prompt, the judge-
 * manipulation guard, and the verdict cache of the config's cacheDir (`.evals-cache` without a
 * config), so an unchanged assertion makes no second call. `rubric` is a rubric id of the config's
 * rubrics folder or the path of a rubric file (`.md`).
 */
export async function judgeAnswer(matcher: string, received: unknown, rubricRef: string, options: RubricOptions): Promise<JudgmentResult> {
  if (!options || options.judge === undefined || options.input === undefined) {
    throw new UserError(`${matcher}: pass { judge, input }: the judge (an id or a judge config) and the question answered`);
  }
  const output = toOutput(received, matcher);
  const cwd = options.cwd ?? process.cwd();
  const loaded = await optionalConfig(options.config, cwd);
  const rubric = await findRubric(matcher, rubricRef, loaded, cwd);
  const [id, judge] = judgeConfig(matcher, options.judge, loaded);
  const dir = loaded?.dir ?? cwd;
  const cache = new VerdictCache(loaded ? loaded.resolve(loaded.config.cacheDir) : path.resolve(cwd, '.evals-cache'));
  const source: VerdictSource =
    judge.provider === 'replay'
      ? await createReplayVerdictSource(id, judge, { configDir: dir, display: (p) => p })
      : await createModelVerdictSource(id, judge, {
          env: process.env,
          timeoutMs: 1000 * (loaded?.config.timeoutSeconds ?? 60),
          cache,
          ...(loaded ? { prices: loaded.config.prices } : {}),
        });
  const item = matcherItem({ ...options, input: options.input });
  const [judgment] = await runJudgedMetrics(
    [{ metric: rubric.id, kind: 'rubric', judges: [id], rubric }],
    { item, output, signal: new AbortController().signal },
    new Map([[id, source]]),
  );
  if (!judgment) throw new Error(`${matcher}: the rubric judge returned no verdict`);
  return judgment;
}

/** The evals config named, or the one in `cwd`; none at all is fine when the judge and rubric are given inline. */
async function optionalConfig(file: string | undefined, cwd: string): Promise<LoadedConfig | undefined> {
  if (!file && !DEFAULT_CONFIG_FILES.some((name) => existsSync(path.join(cwd, name)))) return undefined;
  return loadConfig(file, cwd);
}

async function findRubric(matcher: string, ref: string, loaded: LoadedConfig | undefined, cwd: string): Promise<Rubric> {
  if (ref.endsWith('.md')) {
    const file = path.resolve(loaded?.dir ?? cwd, ref);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw new UserError(`${matcher}: cannot read rubric ${ref}: ${errorMessage(err)}`);
    }
    const parsed = parseRubric(bytes, ref);
    if ('errors' in parsed) throw new UserError(parsed.errors.join('\n'));
    return parsed.rubric;
  }
  if (!loaded)
    throw new UserError(`${matcher}: rubric "${ref}" is an id, but there is no evals config to find its folder; pass a rubric file (.md) or { config }`);
  const dir = loaded.resolve(loaded.config.rubricsDir);
  return requireRubric(await loadRubrics(dir, loaded.display), ref, loaded.display(dir));
}

function judgeConfig(matcher: string, judge: RubricOptions['judge'], loaded: LoadedConfig | undefined): [string, JudgeConfig] {
  if (typeof judge === 'string') {
    const config = loaded?.config.judges[judge];
    if (!config) {
      const known = loaded ? Object.keys(loaded.config.judges).join(', ') || 'none' : 'no evals config found';
      throw new UserError(`${matcher}: unknown judge "${judge}" (${known}); pass a judge id of the config or a judge config`);
    }
    return [judge, config];
  }
  const parsed = JudgeConfigSchema.safeParse(judge);
  if (!parsed.success) throw new UserError(`${matcher}: judge: ${formatIssues(parsed.error, judge).join('; ')}`);
  const config = parsed.data;
  return [config.provider === 'replay' ? 'replay' : `${config.provider}:${config.model}`, config];
}
