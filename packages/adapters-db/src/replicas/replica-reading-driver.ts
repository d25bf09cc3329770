import { type PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';

/**
 * MikroORM's PostgreSQL driver, which also hands out its read connections. MikroORM picks a random
 * one itself (`getConnection('read')`); the replica router must pick by lag, so it needs them all,
 * in the order of `replicas` in the configuration. The driver keeps them in `replicas`, protected:
 * open to a subclass, which is what MikroORM's `driver` option takes, so no private member is read.
 */
export class ReplicaReadingDriver extends PostgreSqlDriver {
  readConnections(): readonly PostgreSqlConnection[] {
    return this.replicas;
  }
}
