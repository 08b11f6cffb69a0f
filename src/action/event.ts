import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The fields of a `pull_request` event payload the Action reads (GitHub's webhook payload). */
const RepoSchema = z.object({ full_name: z.string() }).nullable();
const PullRequestEventSchema = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    base: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/), ref: z.string(), repo: RepoSchema }),
    // A fork's repository can be deleted while its pull request stays open: repo is null then.
    head: z.object({ sha: z.string(), repo: RepoSchema }),
    labels: z.array(z.object({ name: z.string() })).default([]),
  }),
});

export interface PullRequest {
  number: number;
  /** The base commit: its reports are the baseline. */
  baseSha: string;
  baseRef: string;
  /** From another repository: GitHub gives such a run no write token. */
  fork: boolean;
  labels: string[];
}

/** The pull request of the event that started the workflow; undefined for any other event. */
export function pullRequestOf(eventName: string | undefined, payload: unknown): PullRequest | undefined {
  if (eventName !== 'pull_request') return undefined;
  const parsed = PullRequestEventSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { number, base, head, labels } = parsed.data.pull_request;
  return {
    number,
    baseSha: base.sha,
    baseRef: base.ref,
    fork: head.repo?.full_name !== base.repo?.full_name,
    labels: labels.map((l) => l.name),
  };
}

/** GITHUB_EVENT_PATH's JSON; nothing when it is not set or not there (a local run). */
export function readEvent(env: NodeJS.ProcessEnv): unknown {
  const file = env['GITHUB_EVENT_PATH'];
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
