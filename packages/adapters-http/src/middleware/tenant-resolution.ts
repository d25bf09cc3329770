import type { RequestScope, Tenant } from '@conduit/domain';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { lazyChildLogger } from '../observability/lazy-child-logger.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { ProblemException } from '../problems/problem-exception.js';

/** Which tenant a Host names (supplied by the composition root). */
export type TenantResolution = {
  /** The tenant `host` (a Host header) names; null when it names none and unknown hosts are refused. */
  resolve(host: string | undefined): Promise<Tenant | null>;
};

/**
 * Resolves the request's tenant once, from its Host, before anything reads or writes data (the
 * session check included), and runs the rest of the request in that tenant's scope, as it does the
 * actor. A Host no tenant is mapped to is the default tenant's, or refused with 421 Misdirected
 * Request when the deployment says so. The tenant goes on the request's log lines.
 */
export const tenantResolution = (tenants: TenantResolution, scope: RequestScope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const tenant = await tenants.resolve(c.req.header('host'));
    if (tenant === null) throw new ProblemException(edgeProblems.misdirected());
    c.set('tenant', tenant);
    c.set('logger', lazyChildLogger(c.get('logger'), { tenant: tenant.slug }));
    await scope.run({ tenant }, next);
  });
