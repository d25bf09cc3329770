import type { ArticleFilter, ArticleListItemView, ArticlePage, ArticleQueries, ArticleView, PageRequest } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import { followingColumn, type ProfileRow, profileFromRow, toDate } from './sql-rows.js';
import type { PgReader } from './pg-reader.js';

type ArticleRow = ProfileRow & {
  slug: string;
  title: string;
  description: string;
  body?: string;
  created_at: Date | string;
  updated_at: Date | string;
  tag_list: string[];
  favorites_count: number;
  favorited: boolean;
};

type PageRow = Partial<ArticleRow> & { total: number };

type Condition = { sql: string; params: unknown[] };

/** Columns of an article as `viewer` sees it; two `?` placeholders, both the viewer id. */
const articleColumns = (withBody: boolean) => `
  a.slug, a.title, a.description,${withBody ? ' a.body,' : ''} a.created_at, a.updated_at,
  a.tag_list, a.favorites_count,
  coalesce((select true from favorites f where f.article_id = a.id and f.user_id = ?), false) as favorited,
  u.username, u.bio, u.image, ${followingColumn}`;

const listItemFromRow = (row: ArticleRow): ArticleListItemView => ({
  slug: row.slug,
  title: row.title,
  description: row.description,
  tagList: row.tag_list,
  createdAt: toDate(row.created_at),
  updatedAt: toDate(row.updated_at),
  favorited: row.favorited,
  favoritesCount: row.favorites_count,
  author: profileFromRow(row),
});

const filterConditions = (filter: ArticleFilter): Condition[] => {
  const conditions: Condition[] = [];
  if (filter.tag !== undefined) {
    conditions.push({ sql: 'a.id in (select t.article_id from article_tags t where t.tag = ?)', params: [filter.tag] });
  }
  if (filter.author !== undefined) {
    conditions.push({ sql: 'a.author_id = (select id from users where username = ?)', params: [filter.author] });
  }
  if (filter.favoritedBy !== undefined) {
    conditions.push({
      sql: 'a.id in (select f.article_id from favorites f join users fu on fu.id = f.user_id where fu.username = ?)',
      params: [filter.favoritedBy],
    });
  }
  return conditions;
};

const whereClause = (conditions: Condition[]): Condition => ({
  sql: conditions.length === 0 ? '' : `where ${conditions.map((condition) => condition.sql).join(' and ')}`,
  params: conditions.flatMap((condition) => condition.params),
});

/**
 * Reads straight from SQL into read models: one statement per call, whatever the page size.
 * The count and the page are separate subqueries so that both can use the indexes.
 */
export class SqlArticleQueries implements ArticleQueries {
  constructor(private readonly reader: PgReader) {}

  async bySlug(slug: string, viewerId: UserId | null): Promise<ArticleView | null> {
    const rows = await this.reader.rows<ArticleRow>(
      `select ${articleColumns(true)} from articles a join users u on u.id = a.author_id where a.slug = ?`,
      [viewerId, viewerId, slug],
    );
    const row = rows[0];
    return row ? { ...listItemFromRow(row), body: row.body ?? '' } : null;
  }

  list(filter: ArticleFilter, page: PageRequest, viewerId: UserId | null): Promise<ArticlePage> {
    const conditions = filterConditions(filter);
    const where = whereClause(conditions);
    return this.page({ sql: `select count(*)::int from articles a ${where.sql}`, params: where.params }, conditions, page, viewerId);
  }

  feed(viewerId: UserId, page: PageRequest): Promise<ArticlePage> {
    // The total is a sum of per-author counters: a handful of rows instead of every followed article.
    const total = {
      sql: 'select coalesce(sum(u.articles_count), 0)::int from follows fo join users u on u.id = fo.followee_id where fo.follower_id = ?',
      params: [viewerId],
    };
    return this.page(
      total,
      [{ sql: 'a.author_id in (select fo.followee_id from follows fo where fo.follower_id = ?)', params: [viewerId] }],
      page,
      viewerId,
    );
  }

  private async page(total: Condition, conditions: Condition[], page: PageRequest, viewerId: UserId | null): Promise<ArticlePage> {
    const where = whereClause(conditions);
    // Placeholders are positional: parameters follow the textual order of the statement.
    const rows = await this.reader.rows<PageRow>(
      `select c.total, ${articleColumns(false)}
       from (select (${total.sql}) as total) c
       left join lateral (
         select a.* from articles a ${where.sql} order by a.created_at desc, a.id desc limit ? offset ?
       ) a on true
       left join users u on u.id = a.author_id
       order by a.created_at desc, a.id desc`,
      [viewerId, viewerId, ...total.params, ...where.params, page.limit, page.offset],
    );
    return {
      articlesCount: rows[0]?.total ?? 0,
      articles: rows.filter((row): row is ArticleRow & PageRow => row.slug != null).map(listItemFromRow),
    };
  }
}
