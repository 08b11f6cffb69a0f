import { startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply } from './loopback.js';

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
}

export interface GitHubServer {
  /** For GITHUB_API_URL. */
  url: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  close(): Promise<void>;
}

/**
 * A loopback stand-in for the three issue-comment routes of GitHub's REST API the Action calls:
 * list (paginated), create, update. It keeps the comments, so a second run finds its own again.
 * The token `read-only` is refused with 403 on writes, as GitHub refuses a fork's token.
 */
export async function startGitHubServer(options: { repository: string; token: string; existing?: Array<Omit<StoredComment, 'id'>> }): Promise<GitHubServer> {
  const comments: StoredComment[] = [];
  let next = 1000;
  for (const comment of options.existing ?? []) comments.push({ ...comment, id: next++ });
  const prefix = `/repos/${options.repository}/issues`;
  const server: LoopbackServer = await startLoopbackServer((request): Reply => {
    const auth = request.headers.authorization;
    const url = new URL(request.path, 'http://stand-in');
    const readOnly = auth === 'Bearer read-only';
    if (auth !== `Bearer ${options.token}` && !readOnly) return { status: 401, json: { message: 'Bad credentials' } };
    const list = new RegExp(`^${prefix}/(\\d+)/comments$`).exec(url.pathname);
    if (list && request.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const mine = comments.filter((c) => c.issue === Number(list[1]));
      return { json: mine.slice((page - 1) * perPage, page * perPage).map(({ id, body }) => ({ id, body })) };
    }
    if (readOnly) return { status: 403, json: { message: 'Resource not accessible by integration' } };
    const body = (request.body as { body?: unknown } | undefined)?.body;
    if (typeof body !== 'string') return { status: 422, json: { message: 'body is required' } };
    if (list && request.method === 'POST') {
      const comment = { id: next++, issue: Number(list[1]), body };
      comments.push(comment);
      return { status: 201, json: { id: comment.id, body } };
    }
    const update = new RegExp(`^${prefix}/comments/(\\d+)$`).exec(url.pathname);
    if (update && request.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(update[1]));
      if (!comment) return { status: 404, json: { message: 'Not Found' } };
      comment.body = body;
      return { json: { id: comment.id, body } };
    }
    return { status: 404, json: { message: `Not Found: ${request.method} ${url.pathname}` } };
  });
  return { url: server.origin, requests: server.requests, comments, close: () => server.close() };
}
