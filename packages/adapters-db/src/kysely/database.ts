import type { EntityManager } from '@mikro-orm/postgresql';
import type { InferKyselyDB } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';
import type { allRecords } from '../records/index.js';

/** A column as MikroORM's pool hands it over: it installs no timestamp parser, so times come as text. */
type AsDelivered<T> = T extends Date ? string : T;

type Tables = InferKyselyDB<(typeof allRecords)[number]>;

/**
 * The tables and columns as Kysely sees them: inferred from the records (the one schema), with
 * timestamps typed as the text the pool delivers. Mappers turn that text into `Date`s
 * (`dateFromColumn`); MikroORM's own conversion plugin would do it too, at a cost per row that
 * showed on every list page (docs/benchmarks.md).
 */
export type Database = { [T in keyof Tables]: { [C in keyof Tables[T]]: AsDelivered<Tables[T][C]> } };

/**
 * MikroORM's own Kysely instance over the same pool: bound to the entity manager's transaction when
 * there is one, so a statement run inside a unit of work is part of it.
 */
export const kyselyOf = (em: EntityManager): Kysely<Database> => em.getKysely<Database>();

/** A `timestamptz` as PostgreSQL writes it (`2026-01-01 00:01:00.123+00`), as a Date. */
export const dateFromColumn = (text: string): Date => {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable timestamp "${text}" from the database`);
  return date;
};
