import { createHash, randomUUID } from 'node:crypto';
import { type Actor, type HeldIdempotencyKey, IDEMPOTENCY_WINDOW_MS, type StoredAnswer, userIdempotencyScope } from '@conduit/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env.js';
import { problemForAppError } from '../problems/app-error-problem.js';
import { edgeProblems } from '../problems/edge-problems.js';
import { problemResponse } from '../problems/problem.js';
import { IdempotencyHeaders } from '../schemas/idempotency.schemas.js';

/** The headers of an answer that a replay gives again; the rest (request id, timing, quota) are the retry's own. */
const KEPT_HEADERS = ['content-type', 'location', 'etag'];

const scopeOf = (actor: Actor): string => (actor.kind === 'user' ? userIdempotencyScope(actor.userId) : 'anonymous');

const fingerprintOf = (method: string, path: string, body: ArrayBuffer): string =>
  createHash('sha256').update(`${method} ${path}\n`).update(new Uint8Array(body)).digest('hex');

const replay = (c: Context, answer: StoredAnswer): Response => {
  const headers = { ...answer.headers, 'Idempotent-Replayed': 'true' };
  if (answer.status === 204) return c.body(null, 204, headers);
  return c.body(answer.body, answer.status as ContentfulStatusCode, headers);
};

const answerHeld = (c: Context, held: HeldIdempotencyKey, key: string, fingerprint: string, inProgressMs: number): Response => {
  if (held.fingerprint !== fingerprint) return problemResponse(c, problemForAppError({ type: 'IdempotencyKeyReused', key }));
  if (held.answer !== null) return replay(c, held.answer);
  const inProgress = Date.now() - held.createdAt.getTime() < inProgressMs;
  return problemResponse(c, inProgress ? edgeProblems.idempotentRequestInProgress() : edgeProblems.idempotentAnswerLost());
};

/**
 * `Idempotency-Key` on a write (after authentication: keys are per caller). A key seen before gets
 * the first request's answer back, or a refusal when the request differs; a new key is claimed by
 * the write's own transaction (see claimingIdempotencyKeys), so it is held exactly when the write
 * was applied, and the answer is kept once the handler gives it. A request whose units of work all
 * rolled back kept nothing: its retry runs afresh. An invalid key is left to the header validator (422).
 */
export const idempotencyKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('idempotency-key');
  if (header === undefined) return next();
  const parsed = IdempotencyHeaders.safeParse({ 'idempotency-key': header });
  const key = parsed.success ? parsed.data['idempotency-key'] : undefined;
  if (key === undefined) return next();
  const { keys, claimFor, inProgressMs } = c.get('idempotency');
  const scope = scopeOf(c.get('actor'));
  const fingerprint = fingerprintOf(c.req.method, c.req.path, await c.req.arrayBuffer());
  const now = new Date();
  const held = await keys.find(scope, key, new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS));
  if (held !== null) return answerHeld(c, held, key, fingerprint, inProgressMs);

  const holder = randomUUID();
  let committed = false;
  claimFor({ scope, key, fingerprint, holder, at: now, committed: () => (committed = true) });
  await next();
  // A 5xx after a commit is not the write's answer (the write was applied): keep none, so a retry
  // hears that instead of a failure that never happened.
  if (!committed || c.res.status >= 500) return;
  const headers = Object.fromEntries(
    KEPT_HEADERS.flatMap((name) => (c.res.headers.has(name) ? [[name, c.res.headers.get(name) ?? '']] : [])),
  );
  const answer = { status: c.res.status, headers, body: await c.res.clone().text() };
  await keys.recordAnswer(scope, key, holder, answer).catch((error: unknown) => {
    c.get('logger').warn({ err: error, idempotencyKey: key }, 'the answer of a keyed write was not kept');
  });
});
