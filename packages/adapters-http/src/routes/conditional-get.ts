import { hash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * A strong validator for a JSON answer: a digest of exactly the bytes sent, and of the tenant that
 * sent them, so that two publications' equal answers (an empty list) never validate each other's
 * copies in a cache shared between their hosts.
 */
export const entityTag = (text: string, tenant: number | undefined): string => `"${hash('sha1', `${tenant ?? ''}\n${text}`, 'base64url')}"`;

/**
 * RFC 9110 §13.1.2: `If-None-Match` matches when it is `*` or lists the tag; weak comparison, so a
 * `W/` prefix added by an intermediary still matches.
 */
export const matchesIfNoneMatch = (header: string | undefined, tag: string): boolean => {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
};

/** Whether this request may be answered 304: a GET (or HEAD) that names the current tag. */
export const isConditionalHit = (c: Context, tag: string): boolean =>
  (c.req.method === 'GET' || c.req.method === 'HEAD') && matchesIfNoneMatch(c.req.header('If-None-Match'), tag);
