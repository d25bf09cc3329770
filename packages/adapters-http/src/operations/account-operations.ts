import { checkLockReason } from '@conduit/domain';
import { presentAccount } from '../presenters/account.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { AccountResponse, LockAccountBody } from '../schemas/account.schemas.js';
import { usernameParam } from '../schemas/fields.js';
import { operation } from './operation.js';

const tags = ['Accounts (admins)'];
const lockFailures = failureStatuses('setAccountLock', ['ProfileNotFound', 'AccountActionForbidden']);

/** What an admin does to another user's account. */
export const accountOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'put',
      path: '/admin/users/{username}/lock',
      operationId: 'LockAccount',
      idempotencyKey: { none: 'a PUT: sending it again leaves the account locked, with the later reason' },
      tags,
      summary: 'Lock an account (admins, on users who are not admins): it cannot sign in, every session ends, its content stays',
      status: 200,
      description: 'Locked',
    },
    request: { params: usernameParam, body: LockAccountBody },
    response: AccountResponse,
    failures: lockFailures,
    check: ({ lock }) => checkLockReason(lock.reason),
    run: (useCases, ctx, reason, { username }) => useCases.setAccountLock(ctx, { username, lock: { reason } }),
    present: presentAccount,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/admin/users/{username}/lock',
      operationId: 'UnlockAccount',
      idempotencyKey: { none: 'unlocking an unlocked account changes nothing' },
      tags,
      summary: 'Unlock an account: it may sign in again (its ended sessions stay ended)',
      status: 200,
      description: 'Unlocked',
    },
    request: { params: usernameParam },
    response: AccountResponse,
    failures: lockFailures,
    run: (useCases, ctx, _input, { username }) => useCases.setAccountLock(ctx, { username, lock: null }),
    present: presentAccount,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/admin/users/{username}/sessions',
      operationId: 'DeleteUserSessions',
      idempotencyKey: { none: 'a retry finds no session left and ends nothing else' },
      tags,
      summary: 'End every session of a user (admins, on users who are not admins): each of their tokens is refused from now on',
      status: 204,
      description: 'Every session ended',
    },
    request: { params: usernameParam },
    response: undefined,
    failures: failureStatuses('endUserSessions', ['ProfileNotFound', 'AccountActionForbidden']),
    run: (useCases, ctx, { username }) => useCases.endUserSessions(ctx, { username }),
    present: () => undefined,
  }),
] as const;
