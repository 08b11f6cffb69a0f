import { errorMessage } from '../errors.js';
import type { PullRequest } from './event.js';
import { GitHubApiError, type GitHubComments } from './github-api.js';

/** GitHub's limit on a comment body is 65,536 characters. */
const MAX_BODY = 65_000;

export type CommentOutcome = { posted: 'created' | 'updated'; id: number } | { posted: 'no'; reason: string };

export interface UpsertOptions {
  pr: PullRequest | undefined;
  /** Undefined when the job has no token (a fork's pull request, or the input left empty). */
  api: GitHubComments | undefined;
  marker: string;
  /** The Markdown diff; undefined when the run wrote none (it stopped before the gate). */
  summary: string | undefined;
}

/**
 * Posts the diff as one pull-request comment, found again by its marker and updated in place. It
 * never fails the job: the gate decides, and a comment that could not be posted says why instead.
 */
export async function upsertComment(options: UpsertOptions): Promise<CommentOutcome> {
  const { pr, api, marker, summary } = options;
  if (!pr) return { posted: 'no', reason: 'this is not a pull_request event' };
  if (summary === undefined) return { posted: 'no', reason: 'the run wrote no diff (it stopped before the gate; see the log)' };
  if (!api) {
    const why = pr.fork ? 'this pull request comes from a fork, and GitHub gives such runs no token to write with' : 'the github-token input is empty';
    return { posted: 'no', reason: why };
  }
  const body = `${marker}\n${summary}`.slice(0, MAX_BODY);
  try {
    const mine = (await api.list(pr.number)).find((comment) => comment.body?.includes(marker));
    if (mine) return { posted: 'updated', id: (await api.update(mine.id, body)).id };
    return { posted: 'created', id: (await api.create(pr.number, body)).id };
  } catch (err) {
    if (err instanceof GitHubApiError && [401, 403, 404].includes(err.status)) {
      const fork = pr.fork ? ' (a pull request from a fork gets a read-only token)' : '';
      return { posted: 'no', reason: `the token may not write to this pull request${fork}: ${err.message}` };
    }
    return { posted: 'no', reason: `the GitHub API failed: ${errorMessage(err)}` };
  }
}
