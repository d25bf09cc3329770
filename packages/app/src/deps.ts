import type { Clock, PasswordHasher, Repositories, SuffixGenerator, TokenIssuer, UnitOfWork } from '@conduit/domain';
import type { Queries } from './read-models/queries.js';

/** The ports every use case may use, handed over once by the composition root. */
export type AppDeps = {
  readonly unitOfWork: UnitOfWork;
  /** Repositories outside any transaction, for reads that need no atomicity. */
  readonly repositories: Repositories;
  readonly queries: Queries;
  readonly passwordHasher: PasswordHasher;
  readonly tokenIssuer: TokenIssuer;
  readonly clock: Clock;
  readonly suffixes: SuffixGenerator;
};
