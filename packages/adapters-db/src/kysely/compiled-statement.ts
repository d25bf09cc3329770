import type { EntityManager } from '@mikro-orm/postgresql';
import { type Compilable, type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { type Database, kyselyOf } from './database.js';

/** A named parameter: Kysely carries it into the compiled parameters as is, to be filled per call. */
class Slot {
  constructor(readonly name: string) {}
}

/** The typed placeholder for parameter `name` of a statement. */
export type SlotOf<P> = <K extends keyof P & string>(name: K) => RawBuilder<P[K]>;

/**
 * A statement Kysely builds and compiles once, then runs with each call's values. Building and
 * compiling the same query on every request would cost CPU on the hottest paths; PostgreSQL sees
 * the same text every time either way.
 */
export class CompiledStatement<P extends Record<string, unknown>, R> {
  private compiled: CompiledQuery<R> | undefined;

  constructor(private readonly build: (db: Kysely<Database>, slot: SlotOf<P>) => Compilable<R>) {}

  /**
   * Runs on `em`'s connection, inside its transaction if it has one. Like the entity manager's own
   * statements, it is reported to MikroORM's logger (with its duration) and its failures surface as
   * MikroORM's exceptions (unique violation, deadlock, …), so everything downstream treats both alike.
   */
  async rows(em: EntityManager, values: P): Promise<R[]> {
    const db = kyselyOf(em);
    this.compiled ??= this.build(db, (name) => sql<P[typeof name]>`${new Slot(name)}`).compile();
    const compiled = this.compiled;
    const parameters = compiled.parameters.map((parameter: unknown) => (parameter instanceof Slot ? values[parameter.name] : parameter));
    const started = performance.now();
    try {
      return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
    } catch (error) {
      throw error instanceof Error ? em.getDriver().convertException(error) : error;
    } finally {
      em.config.getLogger().logQuery({ query: compiled.sql, took: Math.round(performance.now() - started), level: 'info' });
    }
  }

  async first(em: EntityManager, values: P): Promise<R | undefined> {
    return (await this.rows(em, values))[0];
  }
}

/** One compiled statement per shape (which optional filters are present), built on first use. */
export class CompiledStatements<Shape extends string, P extends Record<string, unknown>, R> {
  private readonly byShape = new Map<Shape, CompiledStatement<P, R>>();

  constructor(private readonly build: (shape: Shape) => (db: Kysely<Database>, slot: SlotOf<P>) => Compilable<R>) {}

  for(shape: Shape): CompiledStatement<P, R> {
    let statement = this.byShape.get(shape);
    if (statement === undefined) {
      statement = new CompiledStatement(this.build(shape));
      this.byShape.set(shape, statement);
    }
    return statement;
  }
}
