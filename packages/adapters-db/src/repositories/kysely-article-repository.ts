import {
  type Article,
  type ArticleId,
  type ArticleRepository,
  type Authorized,
  articleId,
  assertAuthorized,
  type NewArticle,
  type SlugTaken,
} from '@conduit/domain';
import { err, ok, ResultAsync } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { violatedUniqueConstraint } from '../unique-violation.js';
import { addArticles, toArticleRows } from './counted-article-adds.js';
import { changeArticle, removeArticle } from './counted-article-changes.js';
import { articleBySlug, articleBySlugForChange, articleFromRow } from './entity-reads.js';

export class KyselyArticleRepository implements ArticleRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findBySlug(slug: string): Promise<Article | null> {
    const row = await articleBySlug.first(this.em(), { slug });
    return row ? articleFromRow(row) : null;
  }

  /** `SELECT … FOR UPDATE`: a concurrent delete waits for this transaction, or has already won. */
  async findBySlugForChange(slug: string): Promise<Article | null> {
    const row = await articleBySlugForChange.first(this.em(), { slug });
    return row ? articleFromRow(row) : null;
  }

  /** A taken slug inserts nothing (no row comes back), so the transaction stays usable. */
  add(article: NewArticle, fallbackSlug?: string): ResultAsync<Article, SlugTaken> {
    const fallbackSlugs = fallbackSlug === undefined ? [] : [fallbackSlug];
    return new ResultAsync(
      addArticles
        .rows(this.em(), toArticleRows([article], fallbackSlugs))
        .then(([row]) =>
          row === undefined
            ? err({ type: 'SlugTaken', slug: article.slug } as const)
            : ok({ ...article, slug: row.slug, id: articleId(row.id) }),
        ),
    );
  }

  async addMany(articles: readonly NewArticle[]): Promise<{ stored: Article[]; taken: NewArticle[] }> {
    // A slug twice in one batch: the first goes in, the others are taken, as if stored one by one.
    const firstWithSlug = new Map<string, NewArticle>();
    for (const article of articles) if (!firstWithSlug.has(article.slug)) firstWithSlug.set(article.slug, article);
    const sent = [...firstWithSlug.values()];
    const rows = sent.length === 0 ? [] : await addArticles.rows(this.em(), toArticleRows(sent));
    const ids = new Map(rows.map((row) => [row.slug, articleId(row.id)]));
    const stored: Article[] = [];
    const taken: NewArticle[] = [];
    for (const article of articles) {
      const id = firstWithSlug.get(article.slug) === article ? ids.get(article.slug) : undefined;
      if (id === undefined) taken.push(article);
      else stored.push({ ...article, id });
    }
    return { stored, taken };
  }

  update(article: Article, allowed: Authorized<'article:edit'>): ResultAsync<Article, SlugTaken> {
    assertAuthorized(allowed, 'article:edit', article.id);
    return this.guardSlug(article.slug, async () => {
      await changeArticle.rows(this.em(), {
        id: article.id,
        slug: article.slug,
        title: article.title,
        description: article.description,
        body: article.body,
        tagList: [...article.tagList],
        updatedAt: article.updatedAt.toISOString(),
      });
      return article;
    });
  }

  async remove(id: ArticleId, allowed: Authorized<'article:delete'>): Promise<void> {
    assertAuthorized(allowed, 'article:delete', id);
    await removeArticle.rows(this.em(), { id });
  }

  private guardSlug(slug: string, write: () => Promise<Article>): ResultAsync<Article, SlugTaken> {
    return new ResultAsync(
      write().then(
        (saved) => ok(saved),
        (error: unknown) => {
          if (violatedUniqueConstraint(error) === 'articles_tenant_slug_unique') return err({ type: 'SlugTaken', slug } as const);
          throw error;
        },
      ),
    );
  }
}
