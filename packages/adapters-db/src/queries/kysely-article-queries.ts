import type {
  ArticleFilter,
  ArticlePage,
  ArticlePosition,
  ArticleQueries,
  ArticleView,
  ExportedArticle,
  ExportFilter,
  PageRequest,
} from '@conduit/app';
import { pageFromRows } from '@conduit/app';
import type { UserId } from '@conduit/domain';
import type { ReadSource } from '../entity-manager.js';
import { CompiledStatement, CompiledStatements, type SlotOf } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import { type ExportParams, type ExportShape, exportPage } from './article-export-statement.js';
import { DEEP_OFFSET, listColumns, listItemFromRow, pageRows, pageRowsByIds, seenBy } from './article-list-rows.js';
import { type ListParams, type Shape, shapeOf, total } from './article-list-shape.js';
import { authorColumns, favoritedByViewer, followingAuthor, type Viewer } from './viewer-columns.js';

/** The parameters of a page's position and size, as `page` fills them from the request. */
type Paging = Pick<ListParams, 'limit' | 'offset' | 'afterCreatedAt' | 'afterId'>;
const NO_FILTER = { tag: '', author: '', favoritedBy: '' };

const one = new CompiledStatement((db, slot: SlotOf<Viewer & { slug: string }>) =>
  db
    .selectFrom('articles as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select([...listColumns, 'a.body', ...authorColumns])
    .select((eb) => [favoritedByViewer(eb, slot('viewerId')), followingAuthor(eb, slot('viewerId'))])
    .where('a.slug', '=', slot('slug')),
);
const pages = new CompiledStatements((shape: Shape, db, slot: SlotOf<ListParams>) => seenBy(db, pageRows(db, shape, slot), shape, slot));
const idsFirstPages = new CompiledStatements((shape: Shape, db, slot: SlotOf<ListParams>) =>
  seenBy(db, pageRowsByIds(db, shape, slot), shape, slot),
);
const totals = new CompiledStatements((shape: Shape, db, slot: SlotOf<ListParams>) => total(db, shape, slot));
const exports = new CompiledStatements((shape: ExportShape, db, slot: SlotOf<ExportParams>) => exportPage(db, shape, slot));

/**
 * The article read models, one compiled statement per filter combination: the list and the feed
 * (article-list-rows.ts, their ids chosen in article-page-ids.ts), one article, and the export.
 */
export class KyselyArticleQueries implements ArticleQueries {
  constructor(private readonly em: ReadSource) {}

  async exportPage(filter: ExportFilter, after: ArticlePosition | null, limit: number): Promise<ExportedArticle[]> {
    const shape: ExportShape = `${filter.tag === undefined ? '' : 'tag'}:${filter.author === undefined ? '' : 'author'}:${after === null ? '' : 'after'}`;
    const rows = await exports.for(shape).rows(this.em(), {
      tag: filter.tag ?? '',
      author: filter.author ?? '',
      afterCreatedAt: after?.createdAt.toISOString() ?? '',
      afterId: after?.id ?? 0,
      limit,
    });
    return rows.map((row) => {
      const createdAt = dateFromColumn(row.created_at);
      return {
        title: row.title,
        description: row.description,
        body: row.body,
        tagList: row.tag_list,
        author: row.username,
        createdAt,
        cursor: { createdAt, id: row.id },
      };
    });
  }

  async bySlug(slug: string, viewerId: UserId | null): Promise<ArticleView | null> {
    const row = await one.first(this.em(), { slug, viewerId });
    return row ? { ...listItemFromRow(row), body: row.body } : null;
  }

  list(filter: ArticleFilter, request: PageRequest, viewerId: UserId | null): Promise<ArticlePage> {
    return this.page(shapeOf(filter), { ...NO_FILTER, ...filter, viewerId }, request);
  }

  feed(viewerId: UserId, request: PageRequest): Promise<ArticlePage> {
    return this.page('feed', { ...NO_FILTER, viewerId }, request);
  }

  private async page(shape: Shape, filter: Omit<ListParams, keyof Paging>, request: PageRequest): Promise<ArticlePage> {
    const em = this.em();
    const { limit, offset, after } = request;
    // One row more than the page says whether another follows.
    const params: ListParams = {
      ...filter,
      limit: limit + 1,
      offset,
      afterCreatedAt: after === undefined ? 'infinity' : after.createdAt.toISOString(),
      afterId: after?.id ?? 0,
    };
    const deep = offset >= DEEP_OFFSET && after === undefined;
    const idsFirst = deep || shape === 'feed' || shape === 'list:tag::' || shape === 'list:::favorited';
    const rows = await (idsFirst ? idsFirstPages : pages).for(shape).rows(em, params);
    const first = rows[0];
    // A page past the end has no row to carry the total: only then is it asked for on its own.
    const articlesCount =
      first !== undefined
        ? (first.total ?? 0)
        : offset === 0 && after === undefined
          ? 0
          : ((await totals.for(shape).first(em, params))?.total ?? 0);
    const { shown, next } = pageFromRows(rows, limit, (row) => ({ createdAt: dateFromColumn(row.created_at), id: row.id }));
    return { articles: shown.map(listItemFromRow), articlesCount, next };
  }
}
