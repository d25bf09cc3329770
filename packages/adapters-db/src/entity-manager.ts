import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * How a repository gets its EntityManager: inside a unit of work, the transaction's; outside, a
 * fresh fork per call, so no identity map outlives one operation.
 */
export type EntityManagerSource = () => EntityManager;
