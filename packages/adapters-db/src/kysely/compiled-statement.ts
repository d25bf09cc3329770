import type { EntityManager } from '@mikro-orm/postgresql';
import { type Compilable, type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { tenantPredicates } from '../tenants/tenant-predicates.js';
import { type Database, kyselyOf } from './database.js';
import { ReplicaRead } from './replica-read.js';

/** A named parameter: Kysely carries it into the compiled parameters as is, to be filled per call. */
class Slot {
  constructor(readonly name: string) {}
}

/** The typed placeholder for parameter `name` of a statement. */
export type SlotOf<P> = <K extends keyof P & string>(name: K) => RawBuilder<P[K]>;

/**
 * `slot`, except that the parameters in `constants` are written into the statement's text. For a
 * statement compiled once per such set of values: PostgreSQL plans a prepared statement once for
 * all its values (its generic plan) only where that plan is no dearer than one made for the values,
 * and a value it cannot see (`limit $1`, `user_id = $2` that is null for an anonymous reader) can
 * make the two differ, so that every execution is planned afresh. The constants are the code's own
 * (a page size, `null`), never a request's value: they become SQL text, not parameters.
 */
export const withConstants =
  <P>(slot: SlotOf<P>, constants: Partial<P>): SlotOf<P> =>
  <K extends keyof P & string>(name: K) =>
    name in constants ? (sql.lit(constants[name]) as RawBuilder<P[K]>) : slot(name);

/** A query Kysely can compile and would run itself: what a statement is built as. */
type Built = Compilable<unknown> & { execute(): Promise<readonly unknown[]> };

/**
 * The row type of a built query, as Kysely infers it from the query itself (its `execute`).
 * `Compilable<O>` alone would not do: Kysely's `CompiledQuery<O>` never uses `O`, so any row type
 * declared there would be accepted unchecked.
 */
export type RowOf<B> = B extends { execute(): Promise<readonly (infer R)[]> } ? R : never;

/** The rows of a statement, for the mappers that read them. */
export type StatementRow<S> = S extends { rows(...args: never[]): Promise<readonly (infer R)[]> } ? R : never;

/**
 * A statement Kysely builds and compiles once, then runs with each call's values. Building and
 * compiling the same query on every request would cost CPU on the hottest paths; PostgreSQL sees
 * the same text every time either way. Its parameters are named by the `slot` annotation
 * (`(db, slot: SlotOf<{ id: JobId }>) => …`), its rows inferred from the query: no row type is
 * declared anywhere, so a mapper that reads a column the query does not select fails to compile.
 * Its tenant is not a parameter of its own: the predicates name it, and the pool fills it in.
 */
export class CompiledStatement<P extends Record<string, unknown>, B extends Built> {
  private compiled: CompiledQuery | undefined;

  constructor(private readonly build: (db: Kysely<Database>, slot: SlotOf<P>) => B) {}

  /**
   * Runs on `em`'s connection, inside its transaction if it has one, or on a replica (a read the
   * router sent there; see ReplicaRead). Like the entity manager's own
   * statements, it is reported to MikroORM's logger (with its duration) and its failures surface as
   * MikroORM's exceptions (unique violation, deadlock, …), so everything downstream treats both alike.
   */
  async rows(on: EntityManager | ReplicaRead, values: P): Promise<RowOf<B>[]> {
    const em = on instanceof ReplicaRead ? on.em : on;
    const db = kyselyOf(em);
    // Built with the tenant predicates (tenants/tenant-predicates.ts): every tenant-owned table the
    // statement touches is confined to the tenant it is sent for.
    this.compiled ??= this.build(db.withPlugin(tenantPredicates), (name) => sql<P[typeof name]>`${new Slot(name)}`).compile();
    const compiled = this.compiled;
    const parameters = compiled.parameters.map((parameter: unknown) => (parameter instanceof Slot ? values[parameter.name] : parameter));
    const query = { ...compiled, parameters };
    const started = performance.now();
    try {
      return (await (on instanceof ReplicaRead ? on.execute<RowOf<B>>(query) : db.executeQuery<RowOf<B>>(query))).rows;
    } catch (error) {
      throw error instanceof Error ? em.getDriver().convertException(error) : error;
    } finally {
      em.config.getLogger().logQuery({ query: compiled.sql, took: Math.round(performance.now() - started), level: 'info' });
    }
  }

  async first(on: EntityManager | ReplicaRead, values: P): Promise<RowOf<B> | undefined> {
    return (await this.rows(on, values))[0];
  }
}

/** One compiled statement per shape (which optional filters are present), built on first use. */
export class CompiledStatements<Shape extends string, P extends Record<string, unknown>, B extends Built> {
  private readonly byShape = new Map<Shape, CompiledStatement<P, B>>();

  constructor(private readonly build: (shape: Shape, db: Kysely<Database>, slot: SlotOf<P>) => B) {}

  for(shape: Shape): CompiledStatement<P, B> {
    let statement = this.byShape.get(shape);
    if (statement === undefined) {
      statement = new CompiledStatement((db, slot: SlotOf<P>) => this.build(shape, db, slot));
      this.byShape.set(shape, statement);
    }
    return statement;
  }
}
