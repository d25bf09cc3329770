import type { Context as UseCaseContext, UseCases } from '@conduit/app';
import { checkSignUp } from '@conduit/domain';
import type { Context } from 'hono';
import { authenticatedRoute, publicRoute } from '../auth/route-auth.js';
import { presentUser } from '../presenters/user.presenter.js';
import { failureStatuses } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import type { ClientAddress } from '../rate-limit/client-address.js';
import { checkPasswordUnderBudget } from '../rate-limit/password-check.js';
import type { LoginAttempts } from '../rate-limit/rate-limits.types.js';
import { bodyProblems, problemResponses } from '../schemas/problem.schemas.js';
import { EraseUserBody, LoginBody, NewUserBody, UserResponse } from '../schemas/user.schemas.js';
import { json } from './json-content.js';
import { respond, respondEmpty, useCaseContext } from './respond.js';
import { createRouter } from './router.js';

export const registerUserRoute = publicRoute({
  method: 'post',
  path: '/users',
  operationId: 'CreateUser',
  tags: ['User and Authentication'],
  summary: 'Register a new user',
  request: { body: { ...json(NewUserBody), required: true } },
  responses: {
    201: { description: 'The new user, signed in', ...json(UserResponse) },
    ...problemResponses(...bodyProblems, ...failureStatuses('registerUser', ['UsernameTaken', 'EmailTaken', 'FeatureDisabled'])),
  },
});

export const loginRoute = publicRoute({
  method: 'post',
  path: '/users/login',
  operationId: 'Login',
  idempotencyKey: { none: 'a login applies nothing a retry could duplicate: a retry logs in again' },
  tags: ['User and Authentication'],
  summary: 'Sign in with email and password',
  request: { body: { ...json(LoginBody), required: true } },
  responses: {
    200: { description: 'The signed-in user', ...json(UserResponse) },
    ...problemResponses(...bodyProblems, ...failureStatuses('loginUser', ['InvalidCredentials', 'AccountLocked'])),
  },
});

export const eraseUserRoute = authenticatedRoute({
  method: 'delete',
  path: '/user',
  operationId: 'DeleteCurrentUser',
  idempotencyKey: { none: 'an erasure happens once: a retry with the same token is 401, the account being gone' },
  tags: ['User and Authentication'],
  summary:
    'Erase your account, confirming with its password: your articles (with their comments), comments, favorites, follows, sessions and jobs go; your username and email are free again',
  request: { body: { ...json(EraseUserBody), required: true } },
  responses: {
    204: { description: 'Erased: nothing of the account remains, and its tokens are refused' },
    ...problemResponses(
      ...bodyProblems,
      401,
      ...failureStatuses('eraseAccount', ['CurrentUserGone', 'WrongPassword', 'AccountActionForbidden']),
    ),
  },
});

/** A sign-in's context: the session it starts records the client's user agent and address. */
const signInContext = (c: Context, clientAddress: ClientAddress): UseCaseContext => ({
  ...useCaseContext(c),
  origin: { userAgent: c.req.header('User-Agent') ?? null, address: clientAddress(c) },
});

/** Declared by hand: each of these counts a password guess against the login budgets, and a sign-in records the client. */
export const usersRouter = (useCases: UseCases, loginAttempts: LoginAttempts, clientAddress: ClientAddress) =>
  createRouter()
    .openapi(registerUserRoute, async (c) => {
      const signUp = checkSignUp(c.req.valid('json').user);
      if (signUp.isErr()) return problemResponse(c, edgeProblems.validationFailed(signUp.error));
      return respond(c, await useCases.registerUser(signInContext(c, clientAddress), signUp.value), presentUser, 201);
    })
    .openapi(loginRoute, async (c) => {
      const { user } = c.req.valid('json');
      const checked = await checkPasswordUnderBudget(c, loginAttempts, user.email, 'InvalidCredentials', () =>
        useCases.loginUser(signInContext(c, clientAddress), { email: user.email, password: user.password }),
      );
      if ('refused' in checked) return problemResponse(c, checked.refused);
      for (const [name, value] of Object.entries(checked.headers)) c.header(name, value);
      return respond(c, checked.result, presentUser, 200);
    })
    .openapi(eraseUserRoute, async (c) => {
      const ctx = useCaseContext(c);
      const me = await useCases.getCurrentUser(ctx);
      if (me.isErr()) return respondEmpty(c, me);
      // A password guess like a login's: counted against the same account and address budgets.
      const checked = await checkPasswordUnderBudget(c, loginAttempts, me.value.email, 'WrongPassword', () =>
        useCases.eraseAccount(ctx, { password: c.req.valid('json').user.password }),
      );
      return 'refused' in checked ? problemResponse(c, checked.refused) : respondEmpty(c, checked.result);
    });
