import { DEFAULT_TENANT, systemActor } from '@conduit/domain';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH } from '../create-http-app.js';
import {
  documentedOperations,
  ELSEWHERE_CALLERS,
  expectedOutcome,
  MATRIX_CALLERS,
  type MatrixCaller,
  OWNERSHIP,
} from '../testing/authorization-expectations.js';
import { type CallOptions, createHttpTestHarness } from '../testing/http-test-harness.js';
import { anOwnedWorld } from '../testing/owned-world.js';
import { VALID_BODIES } from '../testing/valid-bodies.js';

/** The second publication the matrix runs in again, with the first one holding a world of the same names. */
const SECOND = { slug: 'second', host: 'second.example' };
const FIRST_HOST = { Host: 'first.example' };

describe('authorization matrix', async () => {
  const probe = createHttpTestHarness();
  const document = await (await probe.raw('GET', OPENAPI_PATH)).json();
  const operations = documentedOperations(document);

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
      for (const caller of tenant ? [...MATRIX_CALLERS, ...ELSEWHERE_CALLERS] : MATRIX_CALLERS) {
        const outcome = expectedOutcome(operation, caller);
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
          const values: Record<string, string> = { slug, username, id: String(id), jobId: job, sessionId, name: 'comments' };
          const tokens: Record<MatrixCaller, CallOptions> = {
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
