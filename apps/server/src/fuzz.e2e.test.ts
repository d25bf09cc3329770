import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FuzzRequest, fuzzRequests, type OpenApiDocument } from './testing/fuzz-requests.js';
import { serverForThisFile } from './testing/spawn-server.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 8;

const target = serverForThisFile({ LOG_LEVEL: 'info' });

const api = async (method: string, path: string, body: unknown, token?: string) => {
  const response = await fetch(`${target.server.baseUrl}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Token ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return response.json();
};

type Outcome = { request: FuzzRequest; status?: number; problem?: string };

const send = async (request: FuzzRequest): Promise<Outcome> => {
  try {
    const response = await fetch(`${target.server.baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    const text = await response.text();
    const { status } = response;
    if (status >= 500) return { request, status, problem: `answered ${status}: ${text.slice(0, 200)}` };
    if (!request.allowed.has(status)) return { request, status, problem: `answered ${status}, not documented for ${request.operationId}` };
    if (status >= 400) {
      if (response.headers.get('Content-Type') !== 'application/json; charset=utf-8')
        return { request, status, problem: `content type ${response.headers.get('Content-Type')}` };
      const body = JSON.parse(text) as { code?: unknown; errors?: Record<string, unknown> };
      const messages = Object.values(body.errors ?? {}).flat();
      if (
        typeof body.code !== 'string' ||
        messages.length === 0 ||
        messages.some((message) => typeof message !== 'string' || message === '')
      ) {
        return { request, status, problem: `not the error shape: ${text.slice(0, 200)}` };
      }
    }
    return { request, status };
  } catch (error) {
    return { request, problem: `connection lost: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}` };
  }
};

describe('generated bad requests over every documented operation', () => {
  it(`${RUNS} of them: each gets a documented status in the error shape, none 5xx, no connection lost`, async () => {
    const document = JSON.parse(await readFile(new URL('../../../openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;
    const stamp = randomBytes(3).toString('hex');
    const { user } = await api('POST', '/users', {
      user: { username: `fuzz${stamp}`, email: `fuzz${stamp}@example.com`, password: 'password123' },
    });
    const { article } = await api(
      'POST',
      '/articles',
      { article: { title: `Fuzz ${stamp}`, description: 'd', body: 'b', tagList: ['fuzz'] } },
      user.token,
    );
    const { comment } = await api('POST', `/articles/${article.slug}/comments`, { comment: { body: 'c' } }, user.token);
    const expendable = await api('POST', '/users', {
      user: { username: `fuzz${stamp}x`, email: `fuzz${stamp}x@example.com`, password: 'password123' },
    });
    const fixtures = {
      token: user.token,
      expendableToken: expendable.user.token,
      username: user.username,
      slug: article.slug,
      commentId: String(comment.id),
    };

    const requests = fc.sample(fuzzRequests(document, fixtures), { numRuns: RUNS, seed: SEED });
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) outcomes.push(await send(requests[next++] as FuzzRequest));
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);

    const byStatus: Record<string, number> = {};
    for (const outcome of outcomes) byStatus[outcome.status ?? 'lost'] = (byStatus[outcome.status ?? 'lost'] ?? 0) + 1;
    const failures = outcomes.filter((outcome) => outcome.problem !== undefined);
    console.info(
      `[fuzz] seed ${SEED}: ${outcomes.length} requests in ${seconds} s, by status ${JSON.stringify(byStatus)}, ${failures.length} failures`,
    );
    for (const failure of failures.slice(0, 15)) {
      console.info(
        `[fuzz] ${failure.request.method} ${failure.request.path.slice(0, 120)} (${failure.request.mutation}): ${failure.problem}`,
      );
    }
    // What the server said about them (warnings and errors carry the cause, by request id).
    if (failures.length > 0) {
      for (const line of target.server.logs.filter((entry) => /"level":(40|50|60)/.test(entry)).slice(0, 20))
        console.info(`[fuzz] server: ${line.slice(0, 600)}`);
    }
    expect(outcomes).toHaveLength(RUNS);
    // No fuzzed request ended the session the others were sent with (those that end one use another).
    expect((await fetch(`${target.server.baseUrl}/api/user`, { headers: { Authorization: `Token ${user.token}` } })).status).toBe(200);
    expect(failures.map((failure) => `${failure.request.operationId}: ${failure.problem}`)).toEqual([]);
  });
});
