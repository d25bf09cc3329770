import { makeUseCases } from '@conduit/app';
import { Argon2PasswordHasher, JoseTokens, RandomSuffixGenerator } from '@conduit/adapters-crypto';
import { createOrm, createPostgresAdapters, DatabaseProbe, isDatabaseUnavailable, migrateToLatest } from '@conduit/adapters-db';
import { createHttpApp, type HttpApp, type HttpMetrics, RequestTimings } from '@conduit/adapters-http';
import type { Config } from './config.js';
import type { EmbeddedDatabase } from '@conduit/adapters-db';
import { provideDatabase } from './database.js';
import { configuredFeatureFlags } from './feature-flags.js';
import { createRateLimiting } from './rate-limits.js';
import { signingKeys } from './jwt-secret.js';
import { createMetrics, metricsPlacement } from './metrics.js';
import type { Logger } from './logger.js';
import { systemClock } from './system-clock.js';

/** The only place that knows every concrete class: configuration in, a running application out. */
export type Application = {
  readonly app: HttpApp;
  /** Set when metrics are served on their own port: the composition root listens for them. */
  readonly metrics?: HttpMetrics;
  /** From now on readiness fails, so load balancers stop sending traffic. */
  startDraining(): void;
  close(): Promise<void>;
};

export const compose = async (config: Config, logger: Logger): Promise<Application> => {
  const database = await provideDatabase(config, logger);
  try {
    return await composeOn(database, config, logger);
  } catch (error) {
    // The embedded database this start brought up goes down with it.
    await database.stop().catch(() => undefined);
    throw error;
  }
};

const composeOn = async (database: EmbeddedDatabase, config: Config, logger: Logger): Promise<Application> => {
  // Every statement's duration is added to the request that ran it (Server-Timing: db).
  const timings = new RequestTimings();
  const onQuery = (_sql: string, durationMs: number) => timings.recordDatabase(durationMs);
  const orm = await createOrm({
    onQuery,
    databaseUrl: database.url,
    poolSize: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    createDatabaseIfMissing: config.NODE_ENV !== 'production',
    connectionBudgets: {
      perWorkload: config.DB_CONNECTIONS_PER_ROUTE,
      maxWaitMs: config.DB_ACQUIRE_TIMEOUT_MS,
      currentWorkload: timings.currentWorkload,
    },
  });
  await migrateToLatest(orm);

  const tokens = new JoseTokens({
    keys: await signingKeys(config),
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    ttlSeconds: config.JWT_TTL_SECONDS,
    leewaySeconds: 30,
  });

  const useCases = makeUseCases({
    ...createPostgresAdapters(orm, { onQuery }),
    passwordHasher: new Argon2PasswordHasher(),
    tokenIssuer: tokens,
    clock: systemClock,
    suffixes: new RandomSuffixGenerator(),
  });
  const rateLimiting = createRateLimiting(config, logger);
  const probe = new DatabaseProbe(database.url);
  let draining = false;
  const placement = metricsPlacement(config);
  const metrics = placement === 'off' ? undefined : createMetrics(orm);
  const app = createHttpApp({
    useCases,
    tokenVerifier: tokens,
    logger,
    config: {
      corsOrigins: config.CORS_ORIGINS,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      maxInFlight: config.MAX_IN_FLIGHT,
    },
    health: {
      isDraining: () => draining,
      readiness: async () => {
        const started = performance.now();
        const up = await probe.ping(config.READINESS_TIMEOUT_MS);
        const status = up ? 'pass' : 'fail';
        const observedValue = Math.round(performance.now() - started);
        return { status, checks: { 'postgresql:responseTime': [{ status, observedValue, observedUnit: 'ms' }] } };
      },
    },
    featureFlags: configuredFeatureFlags(config),
    ...(rateLimiting.rateLimits ? { rateLimits: rateLimiting.rateLimits } : {}),
    isDependencyUnavailable: isDatabaseUnavailable,
    timings,
    ...(metrics ? { metrics: { metrics, ...(placement === 'api' ? { serveAt: '/metrics' } : {}) } } : {}),
  });

  return {
    app,
    ...(placement === 'own-port' ? { metrics } : {}),
    startDraining: () => {
      draining = true;
    },
    close: async () => {
      await rateLimiting.close();
      await probe.close();
      await orm.close();
      await database.stop();
    },
  };
};
