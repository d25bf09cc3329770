import type {
  Clock,
  Flag,
  PasswordHasher,
  Repositories,
  RunInTenant,
  SuffixGenerator,
  TenantContents,
  TenantRepository,
  TokenIssuer,
  UnitOfWork,
} from '@conduit/domain';
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
  /** Each flag's value where the publication has not set it (the environment's); all on when not given. */
  readonly flagDefaults?: Readonly<Record<Flag, boolean>>;
  /**
   * The tenants, and the current tenant's data as a whole (an operator's). Every other port works
   * on the current tenant's data only, which the driver chose (a request's Host, a command's
   * --tenant, a job's tenant) and which `runIn` changes for the work it runs.
   */
  readonly tenancy: {
    readonly tenants: TenantRepository;
    readonly contents: TenantContents;
    readonly runIn: RunInTenant;
  };
};
