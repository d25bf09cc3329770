import type { SessionView } from '@conduit/app';
import type { z } from '@hono/zod-openapi';
import type { SessionsResponse } from '../schemas/session.schemas.js';

export const presentSessions = (sessions: SessionView[]): z.infer<typeof SessionsResponse> => ({
  sessions: sessions.map((session) => ({
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    userAgent: session.userAgent,
    address: session.address,
    current: session.current,
  })),
});
