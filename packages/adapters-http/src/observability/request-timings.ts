import { AsyncLocalStorage } from 'node:async_hooks';

type Timings = { databaseMs: number };

/**
 * Time spent in the database by the current request, accumulated across every statement it runs,
 * however deep in the adapters: the database adapter reports each statement through `record`, and
 * the request reads the total for `Server-Timing`. Nothing is passed by hand through use cases.
 */
export class RequestTimings {
  private readonly storage = new AsyncLocalStorage<Timings>();

  run<T>(work: (timings: Readonly<Timings>) => T): T {
    const timings = { databaseMs: 0 };
    return this.storage.run(timings, () => work(timings));
  }

  /** Adds a statement's duration to the current request, if there is one. */
  readonly recordDatabase = (durationMs: number): void => {
    const timings = this.storage.getStore();
    if (timings) timings.databaseMs += durationMs;
  };
}
