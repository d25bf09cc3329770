import type { FeatureFlags } from '@conduit/app';
import type { Flag, RequestScope } from '@conduit/domain';
import type { Client, EvaluationContext } from '@openfeature/server-sdk';
import { FLAG_CONTEXT } from './conduit-flag-provider.js';

/**
 * The use cases' flags, asked through an OpenFeature client: the evaluation context is the current
 * work's publication (from the request scope) and the actor's id and role, never the environment,
 * whose values are only the defaults. Whichever provider the client has (Conduit's, or another one
 * configured) decides.
 */
export const openFeatureFlags = (client: Client, scope: RequestScope, defaults: Readonly<Record<Flag, boolean>>): FeatureFlags => ({
  for: (actor) => ({
    enabled: (flag, about) => {
      const { tenant } = scope.current();
      const context: EvaluationContext = {
        ...(actor.kind === 'user' ? { targetingKey: String(actor.userId), [FLAG_CONTEXT.role]: actor.role } : {}),
        ...(actor.kind === 'system' ? { [FLAG_CONTEXT.role]: 'operator' } : {}),
        ...(tenant ? { [FLAG_CONTEXT.tenantId]: tenant.id, [FLAG_CONTEXT.tenant]: tenant.slug } : {}),
        ...(about?.article === undefined ? {} : { [FLAG_CONTEXT.article]: about.article }),
      };
      return client.getBooleanValue(flag, defaults[flag], context);
    },
  }),
});
