import type { SessionId } from '@conduit/domain';

/** One of the caller's sessions, as they see it in their list. */
export type SessionView = {
  readonly id: SessionId;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly userAgent: string | null;
  readonly address: string | null;
  /** The session the listing request itself was made in. */
  readonly current: boolean;
};
