import type { EntityManager } from '@mikro-orm/postgresql';
import type { InferKyselyDB } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';
import type { allRecords } from '../records/index.js';

/** The tables and columns as Kysely sees them, inferred from the records (the one schema). */
export type Database = InferKyselyDB<(typeof allRecords)[number]>;

/**
 * MikroORM's own Kysely instance over the same pool: bound to the entity manager's transaction when
 * there is one, so a statement run inside a unit of work is part of it. Values come back converted
 * by the records' types (MikroORM's pool hands timestamps over as text), so rows are what
 * `Database` says they are.
 */
export const kyselyOf = (em: EntityManager): Kysely<Database> => em.getKysely<Database>({ convertValues: true });
