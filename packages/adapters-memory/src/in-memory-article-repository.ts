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
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import type { InMemoryStore } from './in-memory-store.js';

export class InMemoryArticleRepository implements ArticleRepository {
  constructor(private readonly store: InMemoryStore) {}

  async findBySlug(slug: string): Promise<Article | null> {
    return this.store.articleWithSlug(slug) ?? null;
  }

  /** One unit of work at a time runs here, so nothing needs holding. */
  findBySlugForChange(slug: string): Promise<Article | null> {
    return this.findBySlug(slug);
  }

  add(article: NewArticle, fallbackSlug?: string): ResultAsync<Article, SlugTaken> {
    const slug = fallbackSlug !== undefined && this.store.articleWithSlug(article.slug) ? fallbackSlug : article.slug;
    return this.save({ ...article, slug, id: articleId(this.store.nextId()) }).mapErr(() => ({
      type: 'SlugTaken' as const,
      slug: article.slug,
    }));
  }

  async addMany(articles: readonly NewArticle[]): Promise<{ stored: Article[]; taken: NewArticle[] }> {
    const stored: Article[] = [];
    const taken: NewArticle[] = [];
    for (const article of articles) {
      const saved = await this.add(article);
      if (saved.isOk()) stored.push(saved.value);
      else taken.push(article);
    }
    return { stored, taken };
  }

  update(article: Article, allowed: Authorized<'article:edit'>): ResultAsync<Article, SlugTaken> {
    assertAuthorized(allowed, 'article:edit', article.id);
    return this.save(article);
  }

  async remove(id: ArticleId, allowed: Authorized<'article:delete'>): Promise<void> {
    assertAuthorized(allowed, 'article:delete', id);
    this.store.articles.delete(id);
    for (const [key, comment] of this.store.comments) if (comment.articleId === id) this.store.comments.delete(key);
    for (const key of this.store.favoriteKeysOf(id)) this.store.favorites.delete(key);
  }

  private save(article: Article): ResultAsync<Article, SlugTaken> {
    const clash = [...this.store.articles.values()].some((other) => other.slug === article.slug && other.id !== article.id);
    if (clash) return errAsync({ type: 'SlugTaken', slug: article.slug });
    const stored = { ...article, tagList: [...article.tagList] };
    this.store.articles.set(article.id, stored);
    return okAsync(stored);
  }
}
