import type { UserId } from './ids.js';

/** Issues the bearer token a client sends back as `Authorization: Token <jwt>`. */
export interface TokenIssuer {
  issue(userId: UserId): Promise<string>;
}
