import type { Actor, SessionOrigin, UserActor } from '@conduit/domain';
import type { FeatureSnapshot } from './features.js';

/**
 * Request-scoped facts a use case may depend on. Built by the driver (HTTP, MCP, CLI). `origin` is
 * what the client said about itself, recorded with a session it starts; unknown when absent.
 */
export type Context = { readonly actor: Actor; readonly features: FeatureSnapshot; readonly origin?: SessionOrigin };

/** The context of a use case that needs a signed-in user: the type system keeps anonymous callers out. */
export type AuthenticatedContext = { readonly actor: UserActor; readonly features: FeatureSnapshot };
