import { existsSync, readFileSync } from 'node:fs';
import { errorMessage } from '../errors.js';
import { escapeData } from '../reports/github.js';
import { pullRequestOf, readEvent } from './event.js';
import { GitHubComments } from './github-api.js';
import { commentMarker } from './marker.js';
import { appendSummary, setOutputs } from '../util/github-outputs.js';
import { upsertComment } from './upsert-comment.js';

/**
 * The Action's comment step (action.yml): upserts the pull-request comment, or says in the job
 * summary why none was posted. Exits 0 whatever happens: the comment never decides the gate.
 */
async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const pr = pullRequestOf(env['GITHUB_EVENT_NAME'], readEvent(env));
  const token = env['EVALS_GITHUB_TOKEN'] ?? '';
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const api = token && repository ? new GitHubComments(env['GITHUB_API_URL'] ?? 'https://api.github.com', repository, token) : undefined;
  const file = env['EVALS_SUMMARY'] ?? '';
  const outcome = await upsertComment({
    pr,
    api,
    marker: commentMarker(env['EVALS_SUITES'] ?? '', env['EVALS_CANDIDATES'] ?? ''),
    summary: file && existsSync(file) ? readFileSync(file, 'utf8') : undefined,
  });
  setOutputs(env, { comment: outcome.posted });
  if (outcome.posted === 'no') {
    process.stdout.write(`::notice title=evals::${escapeData(`No pull-request comment was posted: ${outcome.reason}.`)}\n`);
    if (pr) appendSummary(env, `\n> **evals:** no pull-request comment was posted: ${outcome.reason}. The gate decided all the same.\n`);
  } else {
    process.stdout.write(`evals: pull-request comment ${outcome.posted} (id ${outcome.id})\n`);
  }
}

main(process.env).catch((err: unknown) => {
  process.stdout.write(`::warning title=evals::${escapeData(`The pull-request comment step failed: ${errorMessage(err)}`)}\n`);
});
