import type { Actor, SessionOrigin, UserActor } from '@conduit/domain';
import type { Features } from './features.js';

/**
 * Request-scoped facts a use case may depend on. Built by the driver (HTTP, MCP, CLI). `origin` is
 * what the client said about itself, recorded with a session it starts; unknown when absent.
 */
export type Context = {
  readonly actor: Actor;
  readonly features: Features;
  readonly origin?: SessionOrigin;
  /** A signed-in actor's public profile, when the driver has it (see SelfProfile). */
  readonly self?: SelfProfile;
};

/**
 * The signed-in user's public profile, as the session check read it (in the same statement): the
 * author of what they have just written. A use case answering with their new article or comment
 * builds the answer from it and what it wrote, instead of reading it all back.
 */
export type SelfProfile = { readonly username: string; readonly bio: string | null; readonly image: string | null };

/**
 * The context of a use case that needs a signed-in user: the type system keeps anonymous callers
 * out. `self` when the driver has it (the HTTP and MCP transports, from the session check).
 */
export type AuthenticatedContext = { readonly actor: UserActor; readonly features: Features; readonly self?: SelfProfile };
