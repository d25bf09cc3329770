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
import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { err, ok, ResultAsync } from 'neverthrow';
import type { EntityManagerSource } from '../entity-manager.js';
import { articleFromRecord, articleToRecordData } from '../mappers/article.mapper.js';
import { ArticleRecord } from '../records/article.record.js';
import { ArticleTagRecord } from '../records/article-tag.record.js';
import { violatedUniqueConstraint } from '../unique-violation.js';
import { addArticle, countTagsDownFor, countTagsUp, removeArticle } from './counted-writes.js';

export class MikroOrmArticleRepository implements ArticleRepository {
  constructor(private readonly em: EntityManagerSource) {}

  async findBySlug(slug: string): Promise<Article | null> {
    const record = await this.em().findOne(ArticleRecord, { slug });
    return record ? articleFromRecord(record) : null;
  }

  /** `SELECT … FOR UPDATE`: a concurrent delete waits for this transaction, or has already won. */
  async findBySlugForChange(slug: string): Promise<Article | null> {
    const record = await this.em().findOne(ArticleRecord, { slug }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    return record ? articleFromRecord(record) : null;
  }

  async slugExists(slug: string): Promise<boolean> {
    return (await this.em().count(ArticleRecord, { slug })) > 0;
  }

  /** A taken slug inserts nothing (no row comes back), so the transaction stays usable. */
  add(article: NewArticle): ResultAsync<Article, SlugTaken> {
    return new ResultAsync(
      (async () => {
        const inserted = await addArticle.first(this.em(), {
          slug: article.slug,
          title: article.title,
          description: article.description,
          body: article.body,
          tagList: [...article.tagList],
          authorId: article.authorId,
          createdAt: article.createdAt.toISOString(),
          updatedAt: article.updatedAt.toISOString(),
        });
        return inserted === undefined
          ? err({ type: 'SlugTaken', slug: article.slug } as const)
          : ok({ ...article, id: articleId(inserted.id) });
      })(),
    );
  }

  update(article: Article): ResultAsync<Article, SlugTaken> {
    return this.guardSlug(article.slug, async () => {
      const em = this.em();
      await em.nativeUpdate(ArticleRecord, { id: article.id }, articleToRecordData(article));
      await countTagsDownFor.rows(em, { id: article.id });
      await em.nativeDelete(ArticleTagRecord, { article: article.id });
      await this.insertTags(em, article.id, article.tagList, article.createdAt);
      if (article.tagList.length > 0) await countTagsUp.rows(em, { tags: [...article.tagList] });
      return article;
    });
  }

  async remove(id: ArticleId, allowed: Authorized<'article:delete'>): Promise<void> {
    assertAuthorized(allowed, 'article:delete', id);
    await removeArticle.rows(this.em(), { id });
  }

  private async insertTags(em: EntityManager, id: ArticleId, tags: readonly string[], createdAt: Date): Promise<void> {
    if (tags.length > 0)
      await em.insertMany(
        ArticleTagRecord,
        tags.map((tag) => ({ article: id, tag, createdAt })),
      );
  }

  private guardSlug(slug: string, write: () => Promise<Article>): ResultAsync<Article, SlugTaken> {
    return new ResultAsync(
      write().then(
        (saved) => ok(saved),
        (error: unknown) => {
          if (violatedUniqueConstraint(error) === 'articles_slug_unique') return err({ type: 'SlugTaken', slug } as const);
          throw error;
        },
      ),
    );
  }
}
