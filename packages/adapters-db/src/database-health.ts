import type { MikroORM } from '@mikro-orm/postgresql';

/** Resolves true when PostgreSQL answers `select 1` within the timeout; never rejects. */
export const pingDatabase = async (orm: MikroORM, timeoutMs: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = (async () => {
    const pool = await orm.em.getConnection().getNativeClient();
    await pool.query('select 1');
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([ping, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

/** Connections in use, idle and awaited, for metrics. */
export const poolUsage = async (orm: MikroORM) => {
  const pool = await orm.em.getConnection().getNativeClient();
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
};
