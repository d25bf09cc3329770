import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReplicaRead } from './kysely/replica-read.js';

/**
 * How a repository gets its EntityManager: inside a unit of work, the transaction's; outside, the
 * root manager, whose Kysely runs each statement on the pool. No repository uses the identity map
 * (every one speaks through Kysely statements), so there is none to keep apart between operations.
 */
export type EntityManagerSource = () => EntityManager;

/**
 * How a read model gets where its statements run: the primary's entity manager, or a replica the
 * router chose for the current request (see ReplicaRouter). Asked once per read, so that the
 * statements of one read run on one server.
 */
export type ReadSource = () => EntityManager | ReplicaRead;
