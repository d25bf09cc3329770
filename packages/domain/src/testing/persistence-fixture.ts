import type { Repositories, UnitOfWork } from '../shared/unit-of-work.js';

/** What a contract suite needs from an adapter family: empty storage before every test. */
export type PersistenceFixture = {
  readonly unitOfWork: UnitOfWork;
  /** Outside any transaction. */
  readonly repositories: Repositories;
};

export type FixtureFactory<F> = {
  /** Called before each test; returns adapters over empty storage. */
  fresh(): Promise<F>;
  /** Called once after the suite. */
  close?(): Promise<void>;
};
