import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/** A stored answer's headers, as the transport chose to keep them. */
export type AnswerHeadersColumn = Record<string, string>;

/**
 * A write's `Idempotency-Key`: inserted in the write's own transaction (the primary key makes two
 * requests with one key apply one write), then given the answer the write got, which a retry
 * within 24 hours receives again. Import jobs keep their keys with the job (`job_idempotency_keys`).
 */
export const IdempotencyKeyRecord = defineEntity({
  name: 'IdempotencyKeyRecord',
  tableName: 'idempotency_keys',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn().primary(),
    /** `user:<id>`, or `anonymous` (sign-up): whose key it is. */
    scope: p.string().length(64).primary(),
    key: p.string().length(255).primary(),
    /** SHA-256 of the request's method, path and body: the same key for another request is refused. */
    fingerprint: p.string().length(64),
    /** The request that holds the key, so its own second unit of work finds it already held. */
    holder: p.uuid(),
    // Forgetting expired keys finds them by this index.
    createdAt: p.datetime(3).index('idempotency_keys_created_at_index'),
    answerStatus: p.smallint().nullable(),
    answerHeaders: p.json<AnswerHeadersColumn>().nullable(),
    answerBody: p.text().nullable(),
  },
});
