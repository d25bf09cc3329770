import type { AppDeps } from '../deps.js';
import type { ExportedArticle } from '../read-models/article-view.js';
import type { ExportFilter } from '../read-models/queries.js';

/** Articles per read: a page held in memory at a time, whatever the number of articles. */
const PAGE_SIZE = 500;

/**
 * Every article matching the filter, oldest first, as a stream read a page at a time after a
 * cursor (never an offset): memory and the cost of each read stay the same at any size. Articles
 * are public, so anyone may export them.
 */
export const makeExportArticles = (deps: Pick<AppDeps, 'queries'>) =>
  async function* (filter: ExportFilter): AsyncIterable<ExportedArticle> {
    let page = await deps.queries.articles.exportPage(filter, null, PAGE_SIZE);
    while (page.length > 0) {
      yield* page;
      const last = page.at(-1);
      page = last === undefined || page.length < PAGE_SIZE ? [] : await deps.queries.articles.exportPage(filter, last.cursor, PAGE_SIZE);
    }
  };
