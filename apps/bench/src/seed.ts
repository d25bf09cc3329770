import { type ConduitClient, createConduitClient } from '@conduit/client';

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
  const queue = items.entries();
  const worker = async () => {
    for (const [index, item] of queue) results[index] = await work(item, index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/** A call's data; anything but 2xx stops the benchmark, saying which call and what the server answered. */
const required = <T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T => {
  if (answer.data === undefined) throw new Error(`${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
  return answer.data;
};

/** The typed client as one user (or anonymous): the same calls a TypeScript consumer makes. */
const as = (baseUrl: string, token?: string): ConduitClient => createConduitClient({ baseUrl, ...(token ? { token } : {}) });

/** Signs up users through the API, 8 at a time; their tokens, in order. */
export const signUp = (baseUrl: string, usernames: readonly string[]): Promise<string[]> => {
  const anonymous = as(baseUrl);
  return inParallel(usernames, 8, async (username) => {
    const body = { user: { username, email: `${username}@example.com`, password: 'benchmark-password' } };
    return required(`sign up ${username}`, await anonymous.POST('/api/users', { body })).user.token;
  });
};

/** Seeds through the public API, so the data is exactly what real clients would have created. */
export const seed = async (baseUrl: string, plan: SeedPlan, log: (message: string) => void): Promise<Seeded> => {
  const started = Date.now();
  const tokens = await signUp(
    baseUrl,
    Array.from({ length: plan.users }, (_, i) => `bench${i}`),
  );
  const clients = tokens.map((token) => as(baseUrl, token));
  const client = (index: number) => clients[index % clients.length] ?? as(baseUrl);
  log(`seeded ${plan.users} users in ${Date.now() - started} ms`);

  await inParallel(clients, 8, async (user, i) => {
    for (let k = 1; k <= plan.followsPerUser; k++) {
      const username = `bench${(i + k) % plan.users}`;
      required(`follow ${username}`, await user.POST('/api/profiles/{username}/follow', { params: { path: { username } } }));
    }
  });

  const tagPool = Array.from({ length: plan.tags }, (_, i) => `tag${i}`);
  const tag = (n: number) => tagPool[n % plan.tags] ?? 'tag';
  const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20);
  const slugs = await inParallel(Array.from({ length: plan.articles }), 16, async (_, i) => {
    const article = {
      title: `Benchmark article number ${i}`,
      description: `What article ${i} is about`,
      body: `${paragraph}\n\n${paragraph}`,
      tagList: [tag(i), tag(i * 7 + 3), tag(i * 13 + 5)],
    };
    return required(`article ${i}`, await client(i).POST('/api/articles', { body: { article } })).article.slug;
  });
  log(`seeded ${plan.articles} articles in ${Date.now() - started} ms`);

  await inParallel(slugs, 16, async (slug, i) => {
    for (let k = 0; k < plan.favoritesPerArticle; k++) {
      required(`favorite ${slug}`, await client(i + k * 3).POST('/api/articles/{slug}/favorite', { params: { path: { slug } } }));
    }
  });
  log(`seeded favorites and follows in ${Date.now() - started} ms`);
  return { tokens, slugs, readerToken: tokens[0] ?? '' };
};
