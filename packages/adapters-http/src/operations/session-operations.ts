import { parseSessionId } from '@conduit/domain';
import { errAsync } from 'neverthrow';
import { presentSessions } from '../presenters/session.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { LogoutQuery, SessionsResponse, sessionIdParam } from '../schemas/session.schemas.js';
import { operation } from './operation.js';

const tags = ['Sessions'];

/** The caller's own sessions; an admin ending another user's is in account-operations.ts. */
export const sessionOperations = [
  operation({
    auth: 'required',
    http: {
      method: 'get',
      path: '/user/sessions',
      operationId: 'GetSessions',
      tags,
      summary: 'Your sessions that have not ended, most recently used first; the one of this request is marked `current`',
      status: 200,
      description: 'Your sessions',
    },
    request: {},
    response: SessionsResponse,
    failures: failureStatuses('listSessions', []),
    run: (useCases, ctx) => useCases.listSessions(ctx),
    present: presentSessions,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'delete',
      path: '/user/sessions/{sessionId}',
      operationId: 'DeleteSession',
      idempotencyKey: { none: 'ending a session is idempotent in effect: a retry finds it ended (404) and ends nothing else' },
      tags,
      summary: 'End one of your sessions (this one included): its tokens are refused from the next request on',
      status: 204,
      description: 'Ended',
    },
    request: { params: sessionIdParam },
    response: undefined,
    failures: failureStatuses('endSession', ['SessionNotFound']),
    run: (useCases, ctx, { sessionId }) => {
      // Text that is not a session id names none of the caller's sessions: the same 404.
      const id = parseSessionId(sessionId);
      return id === null ? errAsync({ type: 'SessionNotFound' as const }) : useCases.endSession(ctx, id);
    },
    present: () => undefined,
  }),
  operation({
    auth: 'required',
    http: {
      method: 'post',
      path: '/user/logout',
      operationId: 'Logout',
      idempotencyKey: { none: 'a logout is idempotent in effect: a retry with the ended token is 401, and nothing else ends' },
      tags,
      summary: 'Sign out: end this session, or every session with `?all=true` (no body needed)',
      status: 204,
      description: 'Signed out: the token of this request, and with all=true every other, is refused from now on',
    },
    request: { query: LogoutQuery },
    response: undefined,
    failures: failureStatuses('logOut', []),
    run: (useCases, ctx, { all }) => useCases.logOut(ctx, { everywhere: all === 'true' }),
    present: () => undefined,
  }),
] as const;
