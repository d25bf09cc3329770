import type { BenchSession, RunningBenchServer } from './bench-server.js';
import { signUp } from './seed.js';
import { followSeededUsers, type ScalePlan, seedBySql, seededSlug, seededUser } from './seed-sql.js';
import type { Scene } from './targets.js';

const WRITERS = 20;

/**
 * A database seeded by SQL to `plan` (after the server's own migrations), and a fresh server on it
 * with a reader who follows 50 authors and 20 writers, signed up through the API.
 */
export const sqlSeededScene = async (
  session: BenchSession,
  plan: ScalePlan,
  log: (message: string) => void,
  env: Record<string, string> = {},
): Promise<{ server: RunningBenchServer; scene: Scene; databaseUrl: string }> => {
  const { articles } = plan;
  const databaseUrl = await session.database();
  // The server migrates the empty database; the seed then fills it as the application's writes would.
  await (await session.server(databaseUrl)).stop();
  await seedBySql(databaseUrl, plan, log);
  const server = await session.server(databaseUrl, { env });
  const [readerToken, ...writerTokens] = await signUp(server.baseUrl, [
    `reader${articles}`,
    ...Array.from({ length: WRITERS }, (_, i) => `writer${articles}x${i}`),
  ]);
  await followSeededUsers(databaseUrl, `reader${articles}`, 50);
  return {
    server,
    databaseUrl,
    scene: {
      slugs: seededSlug,
      articleCount: articles,
      someAuthor: seededUser(7),
      someTag: 'tag3',
      readerToken: readerToken as string,
      writerTokens,
    },
  };
};
