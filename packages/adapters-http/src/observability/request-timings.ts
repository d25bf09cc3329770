import { AsyncLocalStorage } from 'node:async_hooks';
import type { Deadline, IdempotencyClaim } from '@conduit/domain';

/** A scope of its own that a request runs in, kept by another layer. */
export type RequestScope = { run<T>(work: () => T): T };

type Timings = { databaseMs: number; workload: string | undefined; deadline?: Deadline; idempotencyClaim?: IdempotencyClaim };

/**
 * The request's scope, kept across every await without being passed by hand: its workload and
 * deadline, and the time spent in the database by the current request, accumulated across every statement it runs,
 * however deep in the adapters: the database adapter reports each statement through `record`, and
 * the request reads the total for `Server-Timing`. Nothing is passed by hand through use cases.
 */
export class RequestTimings {
  private readonly storage = new AsyncLocalStorage<Timings>();

  /** `scopes`: other per-request scopes (the database's read scope), entered with this one for each request. */
  constructor(private readonly scopes: readonly RequestScope[] = []) {}

  /** `workload` names what the request does (its operation), for the database's connection budgets. */
  run<T>(workload: string | undefined, work: (timings: Readonly<Timings>) => T): T {
    const timings = { databaseMs: 0, workload };
    if (this.scopes.length === 0) return this.storage.run(timings, work, timings);
    const inScopes = this.scopes.reduce<() => T>(
      (inner, scope) => () => scope.run(inner),
      () => work(timings),
    );
    return this.storage.run(timings, inScopes);
  }

  /** The current request's workload, if there is a request. */
  readonly currentWorkload = (): string | undefined => this.storage.getStore()?.workload;

  /** Sets the current request's deadline, which its units of work check before they commit. */
  readonly setDeadline = (deadline: Deadline): void => {
    const timings = this.storage.getStore();
    if (timings) timings.deadline = deadline;
  };

  /** The current request's deadline, if there is a request and it has one. */
  readonly currentDeadline = (): Deadline | undefined => this.storage.getStore()?.deadline;

  /** Sets the current request's idempotency key, which its units of work claim. */
  readonly setIdempotencyClaim = (claim: IdempotencyClaim): void => {
    const timings = this.storage.getStore();
    if (timings) timings.idempotencyClaim = claim;
  };

  /** The current request's idempotency key, if there is a request and it has one. */
  readonly currentIdempotencyClaim = (): IdempotencyClaim | undefined => this.storage.getStore()?.idempotencyClaim;

  /** Adds a statement's duration to the current request, if there is one. */
  readonly recordDatabase = (durationMs: number): void => {
    const timings = this.storage.getStore();
    if (timings) timings.databaseMs += durationMs;
  };
}
