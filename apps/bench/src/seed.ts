type Json = Record<string, unknown>;

export type SeedPlan = {
  readonly users: number;
  readonly articles: number;
  readonly tags: number;
  readonly followsPerUser: number;
  readonly favoritesPerArticle: number;
};

export type Seeded = { readonly tokens: string[]; readonly slugs: string[]; readonly readerToken: string };

/** Runs `work` over `items` with at most `limit` in flight. */
const inParallel = async <T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** One API call; anything but 2xx stops the benchmark. */
const apiCall = (baseUrl: string) => async (method: string, path: string, body?: Json, token?: string) => {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Token ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json;
};

/** Signs up users through the API, 8 at a time; their tokens, in order. */
export const signUp = (baseUrl: string, usernames: readonly string[]): Promise<string[]> =>
  inParallel(usernames, 8, async (username) => {
    const body = await apiCall(baseUrl)('POST', '/users', {
      user: { username, email: `${username}@example.com`, password: 'benchmark-password' },
    });
    return (body.user as Json).token as string;
  });

/** Seeds through the public API, so the data is exactly what real clients would have created. */
export const seed = async (baseUrl: string, plan: SeedPlan, log: (message: string) => void): Promise<Seeded> => {
  const call = apiCall(baseUrl);
  const started = Date.now();
  const tokens = await signUp(
    baseUrl,
    Array.from({ length: plan.users }, (_, i) => `bench${i}`),
  );
  log(`seeded ${plan.users} users in ${Date.now() - started} ms`);

  await inParallel(tokens, 8, async (token, i) => {
    for (let k = 1; k <= plan.followsPerUser; k++) await call('POST', `/profiles/bench${(i + k) % plan.users}/follow`, undefined, token);
  });

  const tagPool = Array.from({ length: plan.tags }, (_, i) => `tag${i}`);
  const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20);
  const slugs = await inParallel(Array.from({ length: plan.articles }), 16, async (_, i) => {
    const body = await call(
      'POST',
      '/articles',
      {
        article: {
          title: `Benchmark article number ${i}`,
          description: `What article ${i} is about`,
          body: `${paragraph}\n\n${paragraph}`,
          tagList: [tagPool[i % plan.tags], tagPool[(i * 7 + 3) % plan.tags], tagPool[(i * 13 + 5) % plan.tags]],
        },
      },
      tokens[i % plan.users],
    );
    return (body.article as Json).slug as string;
  });
  log(`seeded ${plan.articles} articles in ${Date.now() - started} ms`);

  await inParallel(slugs, 16, async (slug, i) => {
    for (let k = 0; k < plan.favoritesPerArticle; k++) {
      await call('POST', `/articles/${slug}/favorite`, undefined, tokens[(i + k * 3) % plan.users]);
    }
  });
  log(`seeded favorites and follows in ${Date.now() - started} ms`);
  return { tokens, slugs, readerToken: tokens[0] as string };
};
