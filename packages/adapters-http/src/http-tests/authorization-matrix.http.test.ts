import { DEFAULT_TENANT, systemActor } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../create-http-app.js';
import { type CallOptions, createHttpTestHarness } from '../testing/http-test-harness.js';
import { anOwnedWorld } from '../testing/owned-world.js';
import { VALID_BODIES } from '../testing/valid-bodies.js';

type Operation = { operationId: string; 'x-auth-mode': 'none' | 'optional' | 'required' };
type Caller = 'anonymous' | 'invalid token' | 'another user' | 'owner' | 'admin' | 'owner elsewhere' | 'admin elsewhere';

/**
 * Who may act on a resource beyond being signed in: `owner` operations change something that
 * belongs to someone (their article, their comment), so another user gets 403; `hidden` resources
 * (a job) do not exist for anyone but their owner and admins, so another user gets 404; `self`
 * resources (a session) do not exist for anyone but their owner, admins included; `admin`
 * operations are refused (403) to everyone but admins; `any` operations are open to every
 * signed-in user. Every operation in the document must be listed here.
 */
const OWNERSHIP: Record<string, 'owner' | 'hidden' | 'self' | 'admin' | 'any'> = {
  CreateUser: 'any',
  Login: 'any',
  GetCurrentUser: 'any',
  UpdateCurrentUser: 'any',
  DeleteCurrentUser: 'any',
  GetProfileByUsername: 'any',
  FollowUserByUsername: 'any',
  UnfollowUserByUsername: 'any',
  GetArticles: 'any',
  GetArticlesFeed: 'any',
  GetArticle: 'any',
  CreateArticle: 'any',
  UpdateArticle: 'owner',
  DeleteArticle: 'owner',
  CreateArticleFavorite: 'any',
  DeleteArticleFavorite: 'any',
  GetArticleComments: 'any',
  CreateArticleComment: 'any',
  DeleteArticleComment: 'owner',
  GetTags: 'any',
  CreateArticleImport: 'any',
  GetJobs: 'any',
  GetJob: 'hidden',
  CancelJob: 'hidden',
  GetSessions: 'any',
  DeleteSession: 'self',
  Logout: 'any',
  LockAccount: 'admin',
  UnlockAccount: 'admin',
  DeleteUserSessions: 'admin',
  CreateAccountExport: 'any',
  GetJobResult: 'self',
};

const CALLERS: Caller[] = ['anonymous', 'invalid token', 'another user', 'owner', 'admin'];
/** Users of the same names, the admin included, signed in at another publication: nobody here. */
const ELSEWHERE: Caller[] = ['owner elsewhere', 'admin elsewhere'];

/** The second publication the matrix runs in again, with the first one holding a world of the same names. */
const SECOND = { slug: 'second', host: 'second.example' };
const FIRST_HOST = { Host: 'first.example' };

const expected = (operation: Operation, caller: Caller): 'success' | 401 | 403 | 404 => {
  if (caller === 'owner elsewhere' || caller === 'admin elsewhere') return expected(operation, 'invalid token');
  const mode = operation['x-auth-mode'];
  if (mode !== 'required') return 'success';
  if (caller === 'anonymous' || caller === 'invalid token') return 401;
  if (caller === 'another user' && OWNERSHIP[operation.operationId] === 'owner') return 403;
  const ownership = OWNERSHIP[operation.operationId];
  if (caller === 'another user' && ownership === 'hidden') return 404;
  if (caller !== 'owner' && ownership === 'self') return 404;
  if (caller !== 'admin' && ownership === 'admin') return 403;
  return 'success';
};

describe('authorization matrix', async () => {
  const probe = createHttpTestHarness();
  const document = await (await probe.raw('GET', OPENAPI_PATH)).json();
  const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>)
    .filter(([path]) => path.startsWith('/api/') && !path.endsWith('openapi.json'))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );

  it('covers every operation of the document', () => {
    expect(operations.map(({ operation }) => operation.operationId).sort()).toEqual(Object.keys(OWNERSHIP).sort());
  });

  /** In the default publication (a token from the second one would be `elsewhere`'s). */
  const signUpFirst = async (http: ReturnType<typeof createHttpTestHarness>, username: string) => {
    const body = { user: { username, email: `${username}@example.com`, password: 'password123' } };
    const answer = await http.call('POST', '/api/users', { headers: FIRST_HOST, body });
    expect(answer.status).toBe(201);
    return answer.body.user.token as string;
  };

  for (const tenant of [undefined, SECOND]) {
    for (const { path, method, operation } of operations) {
      for (const caller of tenant ? [...CALLERS, ...ELSEWHERE] : CALLERS) {
        const outcome = expected(operation, caller);
        it(`${tenant ? `[${tenant.slug} tenant] ` : ''}${method} ${path} as ${caller} -> ${outcome}`, async () => {
          const http = createHttpTestHarness({}, tenant ? { tenant } : {});
          // The first publication has users of the same names, its admin an admin there.
          const elsewhere = tenant
            ? { owner: await signUpFirst(http, 'owner'), admin: await signUpFirst(http, 'admin') }
            : { owner: '', admin: '' };
          if (tenant) {
            const promoted = await http.runIn(DEFAULT_TENANT, async () =>
              http.memory.useCases.setUserRole({ actor: systemActor('test') }, { username: 'admin', role: 'admin' }),
            );
            promoted._unsafeUnwrap();
          }
          const { owner, other, admin, slug, id, username, jobId, sessionId, exportJobId } = await anOwnedWorld(http);
          // A result is a finished export's: the owner's, run to its end.
          const job = operation.operationId === 'GetJobResult' ? exportJobId : jobId;
          const values: Record<string, string> = { slug, username, id: String(id), jobId: job, sessionId };
          const tokens: Record<Caller, CallOptions> = {
            anonymous: {},
            'invalid token': { headers: { Authorization: 'Token not.a.valid-token' } },
            'another user': { token: other },
            owner: { token: owner },
            admin: { token: admin },
            'owner elsewhere': { token: elsewhere.owner },
            'admin elsewhere': { token: elsewhere.admin },
          };
          const result = await http.call(
            method,
            path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name),
            {
              ...tokens[caller],
              body: VALID_BODIES[operation.operationId],
            },
          );
          if (outcome === 'success') expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
          else expect(result.status).toBe(outcome);
        });
      }
    }
  }
});
