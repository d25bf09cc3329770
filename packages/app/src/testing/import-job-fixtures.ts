import type { InMemoryApp } from '@conduit/adapters-memory/testing';
import { anonymous, type UserActor } from '@conduit/domain';
import { ok } from 'neverthrow';
import { ALL_FEATURES_ON } from '../features.js';

/* What the job use cases' tests share: an import submitted by an actor, and the articles it made. */

export const as = (actor: UserActor) => ({ actor, features: ALL_FEATURES_ON });

async function* itemsOf(texts: readonly string[]) {
  for (const text of texts) yield ok(text);
}

export const article = (title: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ article: { title, description: 'About it', body: 'The text', tagList: ['imported'], ...extra } });

export const submit = async (
  app: InMemoryApp,
  actor: UserActor,
  texts: readonly string[],
  idempotency?: { key: string; fingerprint: string },
) =>
  app.useCases.submitArticleImport(as(actor), {
    items: itemsOf(texts),
    ...(idempotency ? { idempotency: { key: idempotency.key, fingerprint: () => idempotency.fingerprint } } : {}),
  });

export const articlesOf = async (app: InMemoryApp, author: string) =>
  (await app.useCases.listArticles({ actor: anonymous, features: ALL_FEATURES_ON }, { author, limit: 100, offset: 0 }))._unsafeUnwrap();
