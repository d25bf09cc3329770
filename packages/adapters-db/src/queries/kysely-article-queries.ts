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
import { CompiledStatement, CompiledStatements, type SlotOf, withConstants } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import { type ExportParams, type ExportShape, exportPage } from './article-export-statement.js';
import { DEEP_OFFSET, listColumns, listItemFromRow, pageRows, pageRowsByIds, seenBy } from './article-list-rows.js';
import { type ListParams, type Shape, shapeOf, total } from './article-list-shape.js';
import { authorColumns, favoritedByViewer, followingAuthor, type Viewer } from './viewer-columns.js';

/** The parameters of a page's position and size, as `page` fills them from the request. */
type Paging = Pick<ListParams, 'limit' | 'offset' | 'afterCreatedAt' | 'afterId'>;
const NO_FILTER = { tag: '', author: '', favoritedBy: '' };
/** The position of a page from the top: every article is older. */
const FROM_THE_TOP = { afterCreatedAt: 'infinity', afterId: 0 } as const;

const one = new CompiledStatement((db, slot: SlotOf<Viewer & { slug: string }>) =>
  db
    .selectFrom('articles as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select([...listColumns, 'a.body', ...authorColumns])
    .select((eb) => [favoritedByViewer(eb, slot('viewerId')), followingAuthor(eb, slot('viewerId'))])
    .where('a.slug', '=', slot('slug')),
);

/**
 * The page sizes whose first pages (from the top, no offset, no cursor) have statements of their
 * own, with the size and the position in their text: the RealWorld frontends' 10 and the API's
 * default 20. With `limit $n offset $n` PostgreSQL's plan for all values guesses a tenth of the
 * rows, so it planned each execution afresh, half of a list page's cost (docs/benchmarks.md);
 * forcing that plan instead sorted 100,000 rows a page at a million articles. With the position a
 * parameter, it guessed a third of each author's articles for the feed, fewer than a page, and read
 * them all. Each size is a statement per shape on every connection, so they are few; other sizes,
 * pages after an offset or a cursor, share the statements that take all of these as parameters.
 */
export const FIRST_PAGE_SIZES: readonly number[] = [10, 20];

/**
 * The list statements (whole rows in one pass, or ids first: article-list-rows.ts) with `constants`
 * in their text: a first page's size and offset, and an anonymous reader's null viewer (PostgreSQL
 * then drops the viewer's flags from the plan, where one plan for both kinds of reader would be
 * planned afresh for each).
 */
const listStatements = (constants: Partial<ListParams>) => ({
  whole: new CompiledStatements((shape: Shape, db, slot: SlotOf<ListParams>) => {
    const fixed = withConstants(slot, constants);
    return seenBy(db, pageRows(db, shape, fixed), shape, fixed);
  }),
  idsFirst: new CompiledStatements((shape: Shape, db, slot: SlotOf<ListParams>) => {
    const fixed = withConstants(slot, constants);
    return seenBy(db, pageRowsByIds(db, shape, fixed), shape, fixed);
  }),
});
type ListStatements = ReturnType<typeof listStatements>;
const variants = new Map<string, ListStatements>();

/**
 * The list statements for a page: for a first page of a common size (`rows` with the one that says
 * whether another follows), that size's; an anonymous reader's, or a signed-in one's.
 */
const listStatementsFor = (rows: number | undefined, anonymous: boolean): ListStatements => {
  const key = `${rows ?? 'any'}:${anonymous}`;
  let statements = variants.get(key);
  if (statements === undefined) {
    statements = listStatements({
      ...(rows === undefined ? {} : { limit: rows, offset: 0, ...FROM_THE_TOP }),
      ...(anonymous ? { viewerId: null } : {}),
    });
    variants.set(key, statements);
  }
  return statements;
};
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
      ...(after === undefined ? FROM_THE_TOP : { afterCreatedAt: after.createdAt.toISOString(), afterId: after.id }),
    };
    const deep = offset >= DEEP_OFFSET && after === undefined;
    const idsFirst = deep || shape === 'feed' || shape === 'list:tag::' || shape === 'list:::favorited';
    const firstPage = offset === 0 && after === undefined && FIRST_PAGE_SIZES.includes(limit);
    const statements = listStatementsFor(firstPage ? params.limit : undefined, filter.viewerId === null);
    const rows = await (idsFirst ? statements.idsFirst : statements.whole).for(shape).rows(em, params);
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
