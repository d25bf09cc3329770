import type { UseCases } from '@conduit/app';
import { checkLockReason } from '@conduit/domain';
import { authenticatedRoute } from '../auth/route-auth.js';
import { presentAccount } from '../presenters/account.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { AccountResponse, LockAccountBody } from '../schemas/account.schemas.js';
import { usernameParam } from '../schemas/fields.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
import { json } from './json-content.js';
import { respond, respondEmpty, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Accounts (admins)'];

const lockRoute = authenticatedRoute({
  method: 'put',
  path: '/admin/users/{username}/lock',
  operationId: 'LockAccount',
  idempotencyKey: { none: 'a PUT: sending it again leaves the account locked, with the later reason' },
  tags,
  summary: 'Lock an account (admins, on users who are not admins): it cannot sign in, every session ends, its content stays',
  request: { params: usernameParam, body: { ...json(LockAccountBody), required: true } },
  responses: {
    200: { description: 'Locked', ...json(AccountResponse) },
    ...problemResponses(...bodyProblems, 401, ...failureStatuses('setAccountLock', ['ProfileNotFound', 'AccountActionForbidden'])),
  },
});

const unlockRoute = authenticatedRoute({
  method: 'delete',
  path: '/admin/users/{username}/lock',
  operationId: 'UnlockAccount',
  idempotencyKey: { none: 'unlocking an unlocked account changes nothing' },
  tags,
  summary: 'Unlock an account: it may sign in again (its ended sessions stay ended)',
  request: { params: usernameParam },
  responses: {
    200: { description: 'Unlocked', ...json(AccountResponse) },
    ...problemResponses(401, 422, ...failureStatuses('setAccountLock', ['ProfileNotFound', 'AccountActionForbidden'])),
  },
});

const endSessionsRoute = authenticatedRoute({
  method: 'delete',
  path: '/admin/users/{username}/sessions',
  operationId: 'DeleteUserSessions',
  idempotencyKey: { none: 'a retry finds no session left and ends nothing else' },
  tags,
  summary: 'End every session of a user (admins, on users who are not admins): each of their tokens is refused from now on',
  request: { params: usernameParam },
  responses: {
    204: { description: 'Every session ended' },
    ...problemResponses(401, 422, ...failureStatuses('endUserSessions', ['ProfileNotFound', 'AccountActionForbidden'])),
  },
});

export const accountsRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(lockRoute, async (c) => {
      const reason = checkLockReason(c.req.valid('json').lock.reason);
      if (reason.isErr()) return problemResponse(c, edgeProblems.validationFailed(reason.error));
      const { username } = c.req.valid('param');
      return respond(
        c,
        await useCases.setAccountLock(useCaseContext(c), { username, lock: { reason: reason.value } }),
        presentAccount,
        200,
      );
    })
    .openapi(unlockRoute, async (c) =>
      respond(
        c,
        await useCases.setAccountLock(useCaseContext(c), { username: c.req.valid('param').username, lock: null }),
        presentAccount,
        200,
      ),
    )
    .openapi(endSessionsRoute, async (c) =>
      respondEmpty(c, await useCases.endUserSessions(useCaseContext(c), { username: c.req.valid('param').username })),
    );
