/** An OpenAPI content entry for a JSON request or response body. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

import type { Context } from 'hono';
import { JSON_CONTENT_TYPE } from '../problems/problem.js';

/**
 * Headers of every JSON answer, computed as it is built: the charset (Hono's default omits it) and
 * `Server-Timing`. Set here rather than by middleware after the handler, which would make Node
 * rebuild the response.
 */
export const jsonHeaders = (c: Context) => ({
  'Content-Type': JSON_CONTENT_TYPE,
  'Server-Timing': c.get('serverTiming')?.() ?? '',
});

/** Headers of an answer without a body (204). */
export const emptyHeaders = (c: Context) => ({ 'Server-Timing': c.get('serverTiming')?.() ?? '' });
