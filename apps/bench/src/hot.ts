import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import pg from 'pg';
import { log, type RunningBenchServer, withBenchSession } from './bench-server.js';
import { signUp } from './seed.js';

/** Runs `work` while `count` processes only spin (other work on the machine); they are stopped by PID. */
const withSpinners = async <T>(count: number, work: () => Promise<T>): Promise<T> => {
  const spinners = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
  try {
    return await work();
  } finally {
    for (const spinner of spinners) spinner.kill('SIGKILL');
  }
};

/** Everyone at once, each on a connection of its own: how the answers came out, and how long the last took. */
const burst = async (baseUrl: string, tokens: readonly string[], method: 'POST' | 'DELETE', slug: string) => {
  const started = performance.now();
  const statuses = await Promise.all(
    tokens.map((token) =>
      fetch(`${baseUrl}/api/articles/${slug}/favorite`, { method, headers: { Authorization: `Token ${token}` } }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 0,
      ),
    ),
  );
  const count = (wanted: (status: number) => boolean) => statuses.filter(wanted).length;
  return {
    ok: count((status) => status === 200),
    refused: count((status) => status === 503),
    other: count((status) => status !== 200 && status !== 503),
    ms: Math.round(performance.now() - started),
  };
};

const favoritesOf = async (databaseUrl: string, slug: string) => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ kept: number; rows: number }>(
      'select a.favorites_count as kept, (select count(*)::int from favorites f where f.article_id = a.id) as rows from articles a where a.slug = $1',
      [slug],
    );
    return rows[0] ?? { kept: -1, rows: -1 };
  } finally {
    await client.end();
  }
};

const newArticle = async (baseUrl: string, token: string, title: string): Promise<string> => {
  const response = await fetch(`${baseUrl}/api/articles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Token ${token}` },
    body: JSON.stringify({ article: { title, description: 'hot', body: 'A hot article' } }),
  });
  if (response.status !== 201) throw new Error(`new article: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { article: { slug: string } }).article.slug;
};

/**
 * A hot article: `fans` users favorite one article at once, then unfavorite it, with production's
 * budgets (time included: 1 s to get a connection, 5 s a request), while 0, one per core and two
 * per core other processes spin. Counts the answers (200, 503, other) and checks the count is
 * exact. Nothing pinned. With BENCH_BASELINE_SERVER, that build beside this one, alternately.
 */
export const benchHot = (fans: number) =>
  withBenchSession(async (session) => {
    // Each build on a database of its own (a build's schema is its own), with the same users.
    const variants: { name: string; server: RunningBenchServer; author: string; tokens: string[] }[] = [];
    const baselineMain = process.env.BENCH_BASELINE_SERVER;
    for (const [name, main] of [['current', undefined], ...(baselineMain ? [[`baseline ${baselineMain}`, baselineMain]] : [])] as const) {
      const server = await session.server(await session.database(), main ? { main } : {});
      const [author = ''] = await signUp(server.baseUrl, ['hotauthor']);
      const tokens = await signUp(
        server.baseUrl,
        Array.from({ length: fans }, (_, index) => `hotfan${index}`),
      );
      variants.push({ name, server, author, tokens });
    }
    const rows = [];
    const cores = availableParallelism();
    for (const spinning of [0, cores, 2 * cores]) {
      const order = spinning % 2 === 0 ? variants : [...variants].reverse();
      for (const { name, server, author, tokens } of order) {
        const { databaseUrl } = server;
        const slug = await newArticle(server.baseUrl, author, `Hot ${name} ${spinning}`);
        log(`${fans} favorites, then unfavorites, of one article on ${name} with ${spinning} processes spinning`);
        const { favorited, afterFavorites, unfavorited, afterUnfavorites } = await withSpinners(spinning, async () => {
          const favorited = await burst(server.baseUrl, tokens, 'POST', slug);
          const afterFavorites = await favoritesOf(databaseUrl, slug);
          const unfavorited = await burst(server.baseUrl, tokens, 'DELETE', slug);
          return { favorited, afterFavorites, unfavorited, afterUnfavorites: await favoritesOf(databaseUrl, slug) };
        });
        rows.push({
          variant: name,
          spinning,
          'favorites 200/503/other': `${favorited.ok}/${favorited.refused}/${favorited.other}`,
          'favorites ms': favorited.ms,
          'unfavorites 200/503/other': `${unfavorited.ok}/${unfavorited.refused}/${unfavorited.other}`,
          'unfavorites ms': unfavorited.ms,
          // Exact: the kept count equals the rows each time, and every favorite answered 200 is a row.
          'count exact':
            afterFavorites.kept === afterFavorites.rows &&
            afterFavorites.rows === favorited.ok &&
            afterUnfavorites.kept === afterUnfavorites.rows,
        });
      }
    }
    console.table(rows);
  }, false);
