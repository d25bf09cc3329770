import { AsyncLocalStorage } from 'node:async_hooks';

type Timings = { databaseMs: number; workload: string | undefined };

/**
 * Time spent in the database by the current request, accumulated across every statement it runs,
 * however deep in the adapters: the database adapter reports each statement through `record`, and
 * the request reads the total for `Server-Timing`. Nothing is passed by hand through use cases.
 */
export class RequestTimings {
  private readonly storage = new AsyncLocalStorage<Timings>();

  /** `workload` names what the request does (its operation), for the database's connection budgets. */
  run<T>(workload: string | undefined, work: (timings: Readonly<Timings>) => T): T {
    const timings = { databaseMs: 0, workload };
    return this.storage.run(timings, () => work(timings));
  }

  /** The current request's workload, if there is a request. */
  readonly currentWorkload = (): string | undefined => this.storage.getStore()?.workload;

  /** Adds a statement's duration to the current request, if there is one. */
  readonly recordDatabase = (durationMs: number): void => {
    const timings = this.storage.getStore();
    if (timings) timings.databaseMs += durationMs;
  };
}
