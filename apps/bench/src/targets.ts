import type { Target } from './measure.js';

/** What the scenarios need from the seeded data. */
export type Scene = {
  /** Slugs to read one of and to favorite and comment in turn. */
  readonly slugs: (k: number) => string;
  readonly articleCount: number;
  /** A user with articles and favorites, for `author=` and `favorited=`. */
  readonly someAuthor: string;
  readonly someTag: string;
  /** Follows some authors: a feed with content. */
  readonly readerToken: string;
  /** Signed-in users who write, favorite and comment in turn. */
  readonly writerTokens: readonly string[];
};

const article = {
  article: {
    title: 'A benchmark article',
    description: 'Written by the benchmark',
    body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(40),
    tagList: ['benchmark', 'tag3'],
  },
};

/** The hot reads, in the order of the table. */
export const readTargets = (scene: Scene): Target[] => [
  { name: 'GET /api/articles?limit=20', path: '/api/articles?limit=20' },
  { name: 'GET /api/articles?limit=20 (signed in)', path: '/api/articles?limit=20', token: scene.readerToken },
  { name: 'GET /api/articles/feed?limit=20', path: '/api/articles/feed?limit=20', token: scene.readerToken },
  { name: 'GET /api/articles?tag=', path: `/api/articles?tag=${scene.someTag}&limit=20` },
  { name: 'GET /api/articles?author=', path: `/api/articles?author=${scene.someAuthor}&limit=20` },
  { name: 'GET /api/articles?favorited=', path: `/api/articles?favorited=${scene.someAuthor}&limit=20` },
  { name: 'GET /api/articles/:slug', path: `/api/articles/${scene.slugs(Math.ceil(scene.articleCount / 2))}` },
  { name: 'GET /api/articles/:slug/comments', path: `/api/articles/${scene.slugs(Math.ceil(scene.articleCount / 3))}/comments` },
  { name: 'GET /api/tags', path: '/api/tags' },
  // The whole cost of authentication (token, session and user) and little else.
  { name: 'GET /api/user', path: '/api/user', token: scene.readerToken },
];

/** A page far down the list, where offset paging is at its most expensive. */
export const deepPageTarget: Target = { name: 'GET /api/articles?offset=500000', path: '/api/articles?limit=20&offset=500000' };

/** The same page by the cursor a client following `next` would hold there (of the article above it). */
export const deepCursorTarget = async (baseUrl: string): Promise<Target> => {
  const above = (await (await fetch(`${baseUrl}/api/articles?limit=1&offset=499999`)).json()) as { next: string | null };
  const cursor = above.next === null ? '' : (new URL(above.next, baseUrl).searchParams.get('cursor') ?? '');
  return { name: 'GET /api/articles?cursor= (at 500000)', path: `/api/articles?limit=20&cursor=${cursor}` };
};

/** Writes: each request a new article, a new (user, article) favorite, a new comment. */
export const writeTargets = (scene: Scene): Target[] => {
  const writers = scene.writerTokens;
  const nth = (n: number) => scene.slugs(1 + (n % scene.articleCount));
  const writer = (n: number) => writers[Math.floor(n / scene.articleCount) % writers.length] as string;
  return [
    {
      name: 'POST /api/articles',
      method: 'POST',
      path: '/api/articles',
      token: (n) => writers[n % writers.length] as string,
      body: article,
    },
    { name: 'POST /api/articles/:slug/favorite', method: 'POST', path: (n) => `/api/articles/${nth(n)}/favorite`, token: writer },
    {
      name: 'POST /api/articles/:slug/comments',
      method: 'POST',
      path: (n) => `/api/articles/${nth(n)}/comments`,
      token: (n) => writers[n % writers.length] as string,
      body: { comment: { body: 'A comment from the benchmark' } },
    },
  ];
};

/** A tool call as an MCP client sends it: one whole JSON-RPC exchange per POST. */
const toolCall = (name: string, args: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name, arguments: args },
});
const MCP_HEADERS = { Accept: 'application/json, text/event-stream' };

/**
 * The same work over MCP, named after its HTTP twin (`--only 'GET /api/articles?limit=20'` measures
 * both): what the protocol costs on top of the use case.
 */
export const mcpTargets = (scene: Scene): Target[] => [
  {
    name: 'MCP list_articles (as GET /api/articles?limit=20)',
    method: 'POST',
    path: '/mcp',
    headers: MCP_HEADERS,
    body: toolCall('list_articles', { limit: 20 }),
  },
  {
    name: 'MCP create_article (as POST /api/articles)',
    method: 'POST',
    path: '/mcp',
    headers: MCP_HEADERS,
    token: (n) => scene.writerTokens[n % scene.writerTokens.length] ?? '',
    body: toolCall('create_article', article),
  },
];
