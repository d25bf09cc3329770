import type { UseCases } from '@conduit/app';
import { FLAGS, systemActor } from '@conduit/domain';
import { aLockReason } from '@conduit/domain/testing';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../create-http-app.js';
import { type CallOptions, createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';
import { VALID_BODIES } from '../testing/valid-bodies.js';

type Operation = {
  operationId: string;
  'x-auth-mode': 'none' | 'optional' | 'required';
  responses: Record<string, unknown>;
  requestBody?: unknown;
};

/** Parameter values that do not exist (404) and that are malformed (422). */
const MISSING = {
  slug: 'no-such-article',
  username: 'nobody',
  id: '999999',
  jobId: '00000000-0000-4000-8000-999999999999',
  sessionId: '00000000-0000-4000-8000-999999999999',
};
const MALFORMED = { slug: 'x'.repeat(300), username: 'x'.repeat(100), id: 'abc', jobId: 'x'.repeat(100), sessionId: 'x'.repeat(100) };

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name);

/**
 * For every operation in the served document and every problem status it declares, provoke that
 * status and check the answer is the one problem shape. Generated from the document, so a new
 * route or a newly declared status is walked without editing this test.
 */
describe('every documented error response', async () => {
  const probe = createHttpTestHarness();
  const document = await (await probe.raw('GET', OPENAPI_PATH)).json();
  const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );

  /** The walk runs again in a second publication, while the default one holds users of the same names. */
  const SECOND = { slug: 'second', host: 'second.example' };

  const setUp = async (tenant: typeof SECOND | undefined, smallBudgets = false) => {
    const budget = (name: string) => ({ name, points: 12, windowSeconds: 60 });
    const http = createHttpTestHarness(
      { bodyLimitBytes: 4096, importBodyLimitBytes: 4096 },
      {
        ...(smallBudgets ? { budgets: { anonymous: budget('anonymous'), authenticated: budget('user') } } : {}),
        ...(tenant ? { tenant } : {}),
      },
    );
    if (tenant) {
      for (const username of ['owner', 'stranger']) {
        const body = { user: { username, email: `${username}@example.com`, password: 'password123' } };
        expect((await http.call('POST', '/api/users', { headers: { Host: 'first.example' }, body })).status).toBe(201);
      }
    }
    const owner = await http.register('owner');
    const stranger = await http.register('stranger');
    const { slug } = await http.createArticle(owner);
    const comment = await http.call('POST', `/api/articles/${slug}/comments`, { token: owner, body: { comment: { body: 'c' } } });
    const imported = await http.call('POST', '/api/articles/imports', { token: owner, body: VALID_BODIES.CreateArticleImport });
    const sessions = await http.call('GET', '/api/user/sessions', { token: owner });
    const existing = {
      slug,
      username: 'stranger',
      id: String(comment.body.comment.id),
      jobId: imported.body.job.id as string,
      sessionId: sessions.body.sessions[0].id as string,
      name: 'comments',
    };
    return { http, owner, stranger, existing };
  };

  for (const tenant of [undefined, SECOND])
    for (const { path, method, operation } of operations) {
      // 431 is answered by Node's HTTP parser before any route runs: lifecycle.e2e.test.ts covers it.
      const statuses = Object.keys(operation.responses)
        .map(Number)
        .filter((status) => status >= 400 && status !== 431);
      for (const status of statuses) {
        it(`${tenant ? `[${tenant.slug} tenant] ` : ''}${method} ${path} -> ${status}`, async () => {
          const { http, owner, stranger, existing } = await setUp(tenant, status === 429);
          const hasBody = operation.requestBody !== undefined;
          const valid: CallOptions = { token: owner, body: VALID_BODIES[operation.operationId] };
          const send = (values: Record<string, string>, options: CallOptions) => http.call(method, fill(path, values), options);
          let result: Awaited<ReturnType<typeof http.call>> | undefined;
          switch (status) {
            case 400:
              result = await send(existing, { token: owner, body: '{"broken":' });
              break;
            case 401:
              result =
                operation['x-auth-mode'] === 'required'
                  ? await send(existing, { body: VALID_BODIES[operation.operationId] })
                  : await send(existing, { body: { user: { email: 'owner@example.com', password: 'wrong-password' } } });
              break;
            case 403:
              if (operation.operationId === 'Login') {
                // The right password for an account an operator has locked.
                const lock = { username: 'owner', lock: { reason: aLockReason('walk') } };
                (await http.memory.useCases.setAccountLock({ actor: systemActor('test') }, lock))._unsafeUnwrap();
                result = await send(existing, { body: VALID_BODIES.Login });
                break;
              }
              if (operation.operationId === 'DeleteCurrentUser') {
                result = await send(existing, { token: owner, body: { user: { password: 'not-the-password' } } });
                break;
              }
              // Either someone else's resource, an admin's operation, or a feature switched off.
              for (const flag of FLAGS) http.features[flag] = false;
              result = await send(existing, { ...valid, token: stranger });
              break;
            case 404:
              result = await send({ ...existing, ...MISSING }, valid);
              break;
            case 409:
              if (operation.operationId === 'GetJobResult') {
                // The import job has not run: it is still queued, so there is no result yet.
                result = await send(existing, valid);
              } else if (operation.operationId === 'CancelJob') {
                // Only a job that has ended some other way refuses a cancel.
                await http.memory.useCases.runArticleImport(existing.jobId as never);
                result = await send(existing, valid);
              } else {
                // A keyed write whose first request applied but has not yet kept its answer is in progress.
                http.memory.repositories.idempotencyKeys.recordAnswer = async () => undefined;
                const keyed = { ...valid, headers: { 'Idempotency-Key': 'in-flight' } };
                expect((await send(existing, keyed)).status).toBeLessThan(300);
                result = await send(existing, keyed);
              }
              break;
            case 421:
              // No publication is mapped to this host, and now unmapped hosts are refused.
              http.tenancy.unknownHost = 'reject';
              result = await send(existing, { ...valid, headers: { Host: 'nowhere.example' } });
              break;
            case 413:
              result = await send(existing, { token: owner, body: { padding: 'x'.repeat(8192) } });
              break;
            case 415:
              result = await send(existing, { token: owner, body: 'plain', headers: { 'Content-Type': 'text/plain' } });
              break;
            case 422:
              if (hasBody) result = await send(existing, { token: owner, body: { unexpected: true } });
              else if (path.includes('{')) result = await send(MALFORMED, { token: owner });
              // Whichever of these the operation takes is out of range; the others are ignored.
              else result = await http.call(method, `${path}?limit=-1&all=maybe`, { token: owner });
              break;
            case 429:
              for (let attempt = 0; attempt < 30 && result?.status !== 429; attempt++) result = await send(existing, valid);
              expect(result?.headers.get('Retry-After')).toMatch(/^\d+$/);
              expect(result?.headers.get('RateLimit-Policy')).toMatch(/;q=12;w=60$/);
              break;
            case 500:
            case 503: {
              const failure = status === 500 ? new Error('boom') : new Error('database unavailable');
              const useCases = http.memory.useCases as Record<keyof UseCases, unknown>;
              for (const name of Object.keys(useCases) as (keyof UseCases)[]) {
                if (name !== 'resolveActor') useCases[name] = async () => Promise.reject(failure);
              }
              result = await send(existing, valid);
              break;
            }
            default:
              throw new Error(`no way to provoke ${status}; extend this test`);
          }
          if (result === undefined) throw new Error('no request was sent');
          expectProblem(result, status, expect.any(String) as unknown as string);
          expect(result.body.status).toBe(status);
        });
      }
    }
});
