import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConduitClient } from './client.js';
import { followJob } from './follow-job.js';
import { clientTypesFor } from './generate-types.js';
import { retryingFetch } from './retrying-fetch.js';

/** A server in a function: answers in turn, and records what it was sent. */
const scripted = (...answers: (Response | Error)[]) => {
  const sent: { method: string; url: string; headers: Headers; body: string }[] = [];
  const fetchOnce = async (request: Request) => {
    sent.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('no more answers');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, fetchOnce };
};
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const busy = () => json(503, { code: 'SERVICE_UNAVAILABLE' }, { 'Retry-After': '0' });
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

describe('the typed client', () => {
  it('is generated from the committed OpenAPI document, and says so when the two drift apart', async () => {
    const document = JSON.parse(readFileSync(new URL('../../../openapi.json', import.meta.url), 'utf8'));
    expect(readFileSync(new URL('./openapi.ts', import.meta.url), 'utf8')).toBe(await clientTypesFor(document));
  });

  it('sends the token the RealWorld way and answers data or the typed problem', async () => {
    const server = scripted(
      json(200, { articles: [], articlesCount: 0 }),
      json(404, { code: 'PROFILE_NOT_FOUND', status: 404, errors: { profile: ['not found'] } }),
    );
    const client = createConduitClient({ baseUrl: 'http://conduit.test/', token: 'jwt', fetch: server.fetchOnce });
    const list = await client.GET('/api/articles', { params: { query: { limit: 5, tag: 'x' } } });
    expect(list.data).toEqual({ articles: [], articlesCount: 0 });
    expect(server.sent[0]?.url).toBe('http://conduit.test/api/articles?limit=5&tag=x');
    expect(server.sent[0]?.headers.get('Authorization')).toBe('Token jwt');
    const missing = await client.GET('/api/profiles/{username}', { params: { path: { username: 'nobody' } } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('retries reads, and writes that carry an Idempotency-Key, on "later" answers and network failures', async () => {
    const reads = scripted(busy(), new TypeError('fetch failed'), json(200, { tags: ['a'] }));
    const client = createConduitClient({ baseUrl: 'http://conduit.test', fetch: reads.fetchOnce, retry: fast });
    expect((await client.GET('/api/tags')).data).toEqual({ tags: ['a'] });
    expect(reads.sent).toHaveLength(3);

    const keyed = scripted(busy(), json(201, { article: { slug: 'a' } }));
    const writer = createConduitClient({ baseUrl: 'http://conduit.test', token: 't', fetch: keyed.fetchOnce, retry: fast });
    const body = { article: { title: 'A', description: 'd', body: 'b' } };
    await writer.POST('/api/articles', { body, headers: { 'Idempotency-Key': 'k-1' } });
    // The same request, body and key included, both times.
    expect(keyed.sent.map((request) => [request.method, request.body, request.headers.get('Idempotency-Key')])).toEqual([
      ['POST', JSON.stringify(body), 'k-1'],
      ['POST', JSON.stringify(body), 'k-1'],
    ]);
  });

  it('never sends a write twice without an Idempotency-Key: it may have been applied', async () => {
    const server = scripted(busy(), json(201, {}));
    const client = createConduitClient({ baseUrl: 'http://conduit.test', token: 't', fetch: server.fetchOnce, retry: fast });
    const answer = await client.POST('/api/articles', { body: { article: { title: 'A', description: 'd', body: 'b' } } });
    expect(answer.response.status).toBe(503);
    expect(server.sent).toHaveLength(1);
    const failing = scripted(new TypeError('fetch failed'));
    await expect(retryingFetch(failing.fetchOnce)(new Request('http://conduit.test/api/user', { method: 'PUT' }))).rejects.toThrow(
      'fetch failed',
    );
  });

  it('follows an import job to its end, as its Retry-After asks, and reports its progress', async () => {
    const job = (status: string, processed: number) => ({
      job: { id: 'j', type: 'article-import', status, total: 2, processed, succeeded: processed, failed: 0, errors: [] },
    });
    const server = scripted(
      json(200, job('queued', 0), { 'Retry-After': '0' }),
      json(200, job('running', 1), { 'Retry-After': '0' }),
      json(200, job('succeeded', 2)),
    );
    const client = createConduitClient({ baseUrl: 'http://conduit.test', token: 't', fetch: server.fetchOnce });
    const seen: string[] = [];
    const ended = await followJob(client, 'j', { onProgress: (current) => seen.push(`${current.status} ${current.processed}`) });
    expect(ended.status).toBe('succeeded');
    expect(seen).toEqual(['queued 0', 'running 1', 'succeeded 2']);
  });
});
