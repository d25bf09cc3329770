import type { UseCases } from '@conduit/app';
import { parseSessionId } from '@conduit/domain';
import { authenticatedRoute } from '../auth/route-auth.js';
import { presentSessions } from '../presenters/session.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { appProblem } from '../problems/app-problem.js';
import { problemResponses } from '../schemas/problem.schemas.js';
import { LogoutQuery, SessionsResponse, sessionIdParam } from '../schemas/session.schemas.js';
import { json } from './json-content.js';
import { respond, respondEmpty, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

const tags = ['Sessions'];

const listSessionsRoute = authenticatedRoute({
  method: 'get',
  path: '/user/sessions',
  operationId: 'GetSessions',
  tags,
  summary: 'Your sessions that have not ended, most recently used first; the one of this request is marked `current`',
  responses: {
    200: { description: 'Your sessions', ...json(SessionsResponse) },
    ...problemResponses(401),
  },
});

const endSessionRoute = authenticatedRoute({
  method: 'delete',
  path: '/user/sessions/{sessionId}',
  operationId: 'DeleteSession',
  idempotencyKey: { none: 'ending a session is idempotent in effect: a retry finds it ended (404) and ends nothing else' },
  tags,
  summary: 'End one of your sessions (this one included): its tokens are refused from the next request on',
  request: { params: sessionIdParam },
  responses: {
    204: { description: 'Ended' },
    ...problemResponses(401, 422, ...failureStatuses('endSession', ['SessionNotFound'])),
  },
});

const logoutRoute = authenticatedRoute({
  method: 'post',
  path: '/user/logout',
  operationId: 'Logout',
  idempotencyKey: { none: 'a logout is idempotent in effect: a retry with the ended token is 401, and nothing else ends' },
  tags,
  summary: 'Sign out: end this session, or every session with `?all=true` (no body needed)',
  request: { query: LogoutQuery },
  responses: {
    204: { description: 'Signed out: the token of this request, and with all=true every other, is refused from now on' },
    ...problemResponses(401, 422),
  },
});

export const sessionsRouter = (useCases: UseCases) =>
  createRouter()
    .openapi(listSessionsRoute, async (c) => respond(c, await useCases.listSessions(useCaseContext(c)), presentSessions, 200))
    .openapi(endSessionRoute, async (c) => {
      // Text that is not a session id names none of the caller's sessions: the same 404.
      const id = parseSessionId(c.req.valid('param').sessionId);
      if (id === null) return appProblem(c, { type: 'SessionNotFound' });
      return respondEmpty(c, await useCases.endSession(useCaseContext(c), id));
    })
    .openapi(logoutRoute, async (c) =>
      respondEmpty(c, await useCases.logOut(useCaseContext(c), { everywhere: c.req.valid('query').all === 'true' })),
    );
