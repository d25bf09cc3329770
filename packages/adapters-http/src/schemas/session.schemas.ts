import { z } from '@hono/zod-openapi';
import { stringField } from './fields.js';

const timestamp = z.iso.datetime().openapi({ example: '2026-11-24T08:30:00.000Z' });

export const SessionJson = z
  .object({
    id: z.uuid(),
    createdAt: timestamp.openapi({ description: 'When the sign-in (or sign-up) that started it happened.' }),
    lastSeenAt: timestamp.openapi({ description: 'The last request made in it, to the minute.' }),
    expiresAt: timestamp.openapi({ description: 'Its tokens are refused from then on.' }),
    userAgent: z.string().nullable().openapi({ description: 'The `User-Agent` of the sign-in, when it sent one.' }),
    address: z.string().nullable().openapi({ description: 'The client address of the sign-in.' }),
    current: z.boolean().openapi({ description: 'The session this request was made in.' }),
  })
  .openapi('Session');

export const SessionsResponse = z.object({ sessions: z.array(SessionJson) }).openapi('SessionsResponse');

/** Any text: an id that is not one of the caller's sessions names none, and is answered 404. */
export const sessionIdParam = z.object({
  sessionId: stringField()
    .max(64)
    .openapi({ param: { name: 'sessionId', in: 'path' }, format: 'uuid', example: '3f1c2b9a-6d1e-4f0a-9b8c-2d7e5a4c1b00' }),
});

export const LogoutQuery = z.object({
  all: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .openapi({ description: 'true ends every session of the user, this one included; otherwise only this one.' }),
});
