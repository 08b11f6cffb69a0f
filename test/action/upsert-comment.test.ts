import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubComments } from '../../src/action/github-api.js';
import { upsertComment } from '../../src/action/upsert-comment.js';
import { startGitHubServer, type GitHubServer } from '../servers/github-server.js';

const pr = { number: 5, baseSha: 'a'.repeat(40), baseRef: 'main', fork: false, labels: [] };
const marker = '<!-- evals-gate suites=(default) candidates=bot -->';

describe('upsertComment against a stand-in of the GitHub REST API', () => {
  let github: GitHubServer;
  // A fresh server per test (it keeps the comments posted to it). 120 comments by people first: the
  // Action's comment is on the second page.
  beforeEach(async () => {
    github = await startGitHubServer({
      repository: 'acme/app',
      token: 'ghs_t',
      existing: Array.from({ length: 120 }, (_, i) => ({ issue: 5, body: `comment ${i}` })),
    });
  });
  afterEach(async () => github?.close());
  const api = (token = 'ghs_t') => new GitHubComments(github.url, 'acme/app', token);

  it('creates the comment once, then finds it past the first page and updates it in place', async () => {
    expect(await upsertComment({ pr, api: api(), marker, summary: 'first' })).toMatchObject({ posted: 'created' });
    const again = await upsertComment({ pr, api: api(), marker, summary: 'second' });
    expect(again).toMatchObject({ posted: 'updated' });
    const mine = github.comments.filter((c) => c.body.startsWith(marker));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toBe(`${marker}\nsecond`);
    expect(github.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toContain('/repos/acme/app/issues/5/comments?per_page=100&page=2');
  });

  it('a token that may not write (403), a bad one (401), no token or no diff: nothing posted, and the reason', async () => {
    // The comment exists, so a refused token fails on the update.
    expect(await upsertComment({ pr, api: api(), marker, summary: 'first' })).toMatchObject({ posted: 'created' });
    const fork = { ...pr, fork: true };
    const refused = await upsertComment({ pr: fork, api: api('read-only'), marker, summary: 'x' });
    expect(refused).toEqual({
      posted: 'no',
      reason:
        'the token may not write to this pull request (a pull request from a fork gets a read-only token): PATCH /repos/acme/app/issues/comments/1120: HTTP 403 Resource not accessible by integration',
    });
    expect(await upsertComment({ pr, api: api('wrong'), marker, summary: 'x' })).toMatchObject({
      posted: 'no',
      reason: expect.stringContaining('HTTP 401 Bad credentials'),
    });
    expect(await upsertComment({ pr: fork, api: undefined, marker, summary: 'x' })).toMatchObject({
      posted: 'no',
      reason: expect.stringContaining('comes from a fork'),
    });
    expect(await upsertComment({ pr, api: undefined, marker, summary: 'x' })).toMatchObject({ posted: 'no', reason: 'the github-token input is empty' });
    expect(await upsertComment({ pr, api: api(), marker, summary: undefined })).toMatchObject({
      posted: 'no',
      reason: expect.stringContaining('wrote no diff'),
    });
    expect(await upsertComment({ pr: undefined, api: api(), marker, summary: 'x' })).toMatchObject({
      posted: 'no',
      reason: 'this is not a pull_request event',
    });
  });

  it('an API that is down is a reason too, never a failure of the job', async () => {
    const down = new GitHubComments('http://127.0.0.1:9', 'acme/app', 'ghs_t');
    expect(await upsertComment({ pr, api: down, marker, summary: 'x' })).toMatchObject({
      posted: 'no',
      reason: expect.stringMatching(/^the GitHub API failed: /),
    });
  });
});
