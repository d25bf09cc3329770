import type { UseCases } from '@conduit/app';
import type { RequestScope, TokenVerifier } from '@conduit/domain';
import { createMiddleware } from 'hono/factory';
import { type Authentication, authenticate } from './authenticate.js';

type Env = { Variables: { authentication: () => Promise<Authentication> } };

/**
 * Makes authentication available to the route middleware without running it: routes that do not
 * use the token never pay for verifying it. The actor it finds goes into the request scope too.
 */
export const authenticationContext = (tokenVerifier: TokenVerifier, resolveActor: UseCases['resolveActor'], scope: RequestScope) =>
  createMiddleware<Env>(async (c, next) => {
    let outcome: Promise<Authentication> | undefined;
    c.set('authentication', () => {
      outcome ??= authenticate(c.req.header('Authorization'), tokenVerifier, resolveActor).then((found) => {
        if (found.kind === 'user') scope.current().progress.actor = found.actor;
        return found;
      });
      return outcome;
    });
    await next();
  });
