import type { SessionId, UserId } from '../shared/ids.js';

/** Where a session was started from, as the client said: so its owner can tell one session from another. */
export type SessionOrigin = { readonly userAgent: string | null; readonly address: string | null };

/** One sign-in: every token issued for it stands or falls with it. */
export type Session = SessionOrigin & {
  readonly id: SessionId;
  readonly userId: UserId;
  readonly createdAt: Date;
  /** Coarse: written at most once per LAST_SEEN_RESOLUTION_MS, so a busy client costs no write per request. */
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
};

export type NewSession = Omit<Session, 'id'>;

export const LAST_SEEN_RESOLUTION_MS = 60_000;
/** Longer origins are cut: they describe, they do not identify, and they must not grow the table without bound. */
export const SESSION_ORIGIN_LIMITS = { userAgent: 512, address: 64 } as const;

const clip = (value: string | null, max: number): string | null => (value === null || value === '' ? null : value.slice(0, max));

/** A session of `lifetimeSeconds` starting now; its tokens expire with it. */
export const startSession = (userId: UserId, origin: SessionOrigin, now: Date, lifetimeSeconds: number): NewSession => ({
  userId,
  createdAt: now,
  lastSeenAt: now,
  expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000),
  userAgent: clip(origin.userAgent, SESSION_ORIGIN_LIMITS.userAgent),
  address: clip(origin.address, SESSION_ORIGIN_LIMITS.address),
});

/** Whether a request seen at `now` should record itself as the session's last sight. */
export const lastSeenIsStale = (lastSeenAt: Date, now: Date): boolean => now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;

/** Nothing is known about the client (a batch script, a test). */
export const UNKNOWN_ORIGIN: SessionOrigin = { userAgent: null, address: null };
