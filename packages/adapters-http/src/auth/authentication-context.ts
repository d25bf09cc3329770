import type { UseCases } from '@conduit/app';
import type { TokenVerifier } from '@conduit/domain';
import { createMiddleware } from 'hono/factory';
import { type Authentication, authenticate } from './authenticate.js';

type Env = { Variables: { authentication: () => Promise<Authentication> } };

/**
 * Makes authentication available to the route middleware without running it: routes that do not
 * use the token never pay for verifying it.
 */
export const authenticationContext = (tokenVerifier: TokenVerifier, resolveActor: UseCases['resolveActor']) =>
  createMiddleware<Env>(async (c, next) => {
    let outcome: Promise<Authentication> | undefined;
    c.set('authentication', () => {
      outcome ??= authenticate(c.req.header('Authorization'), tokenVerifier, resolveActor);
      return outcome;
    });
    await next();
  });
