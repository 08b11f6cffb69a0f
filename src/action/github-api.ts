import { z } from 'zod';

const CommentSchema = z.object({ id: z.number(), body: z.string().nullable().optional() });
export type IssueComment = z.infer<typeof CommentSchema>;

/** An HTTP error of the REST API, with its status, so callers can tell "no permission" apart. */
export class GitHubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubApiError';
  }
}

/** The three issue-comment calls the Action makes, on GitHub's REST API (or a stand-in at apiUrl). */
export class GitHubComments {
  constructor(
    private readonly apiUrl: string,
    private readonly repository: string,
    private readonly token: string,
  ) {}

  /** Every comment of the pull request, page by page (100 a page, GitHub's maximum). */
  async list(issue: number): Promise<IssueComment[]> {
    const all: IssueComment[] = [];
    for (let page = 1; ; page += 1) {
      const batch = z.array(CommentSchema).parse(await this.call('GET', `/repos/${this.repository}/issues/${issue}/comments?per_page=100&page=${page}`));
      all.push(...batch);
      if (batch.length < 100) return all;
    }
  }

  async create(issue: number, body: string): Promise<IssueComment> {
    return CommentSchema.parse(await this.call('POST', `/repos/${this.repository}/issues/${issue}/comments`, { body }));
  }

  async update(commentId: number, body: string): Promise<IssueComment> {
    return CommentSchema.parse(await this.call('PATCH', `/repos/${this.repository}/issues/comments/${commentId}`, { body }));
  }

  private async call(method: string, route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.apiUrl.replace(/\/$/, '')}${route}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${this.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'evals-action',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) {
      let message = text.slice(0, 200);
      try {
        message = z.object({ message: z.string() }).parse(JSON.parse(text)).message;
      } catch {
        // Not GitHub's JSON error shape: the start of the body says enough.
      }
      throw new GitHubApiError(response.status, `${method} ${route}: HTTP ${response.status} ${message}`);
    }
    return JSON.parse(text);
  }
}
