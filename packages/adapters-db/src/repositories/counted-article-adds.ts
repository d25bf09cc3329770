import type { NewArticle, UserId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { unnest } from './counter-expressions.js';

/**
 * New articles as parallel arrays (one entry per article, in order) and their tags as
 * (article position, tag position, tag) triples: PostgreSQL unnests each list into rows. An
 * article's fallback slug (null for none) is the one it takes when its own is taken.
 */
export type ArticleRows = {
  positions: number[];
  slugs: string[];
  fallbackSlugs: (string | null)[];
  titles: string[];
  descriptions: string[];
  bodies: string[];
  authorIds: UserId[];
  createdAts: string[];
  updatedAts: string[];
  tagOf: number[];
  tagPositions: number[];
  tags: string[];
};

/** The statement's parameters for these articles (their tags already normalized by the domain). */
export const toArticleRows = (articles: readonly NewArticle[], fallbackSlugs: readonly string[] = []): ArticleRows => {
  const rows: ArticleRows = {
    positions: [],
    slugs: [],
    fallbackSlugs: [],
    titles: [],
    descriptions: [],
    bodies: [],
    authorIds: [],
    createdAts: [],
    updatedAts: [],
    tagOf: [],
    tagPositions: [],
    tags: [],
  };
  for (const [position, article] of articles.entries()) {
    rows.positions.push(position);
    rows.slugs.push(article.slug);
    rows.fallbackSlugs.push(fallbackSlugs[position] ?? null);
    rows.titles.push(article.title);
    rows.descriptions.push(article.description);
    rows.bodies.push(article.body);
    rows.authorIds.push(article.authorId);
    rows.createdAts.push(article.createdAt.toISOString());
    rows.updatedAts.push(article.updatedAt.toISOString());
    for (const [tagPosition, tag] of article.tagList.entries()) {
      rows.tagOf.push(position);
      rows.tagPositions.push(tagPosition);
      rows.tags.push(tag);
    }
  }
  return rows;
};

/**
 * New articles in one statement: the rows (each under its fallback slug when its own is taken and
 * it has one; those whose chosen slug is taken insert nothing and are left out of what comes
 * back), their tag links, and one more for each one's author and tags
 * (creating the tags not seen before). Every part reads the inserted rows, so nothing is counted
 * for an article not written. A batch of an import and a single POST /api/articles alike: one
 * round trip, cheaper than four statements (docs/benchmarks.md).
 */
export const addArticles = new CompiledStatement((db, slot: SlotOf<ArticleRows>) =>
  db
    .with('given', (db) =>
      db.selectNoFrom([
        unnest(slot('positions'), 'int[]').as('position'),
        unnest(slot('slugs'), 'text[]').as('slug'),
        unnest(slot('fallbackSlugs'), 'text[]').as('fallback_slug'),
        unnest(slot('titles'), 'text[]').as('title'),
        unnest(slot('descriptions'), 'text[]').as('description'),
        unnest(slot('bodies'), 'text[]').as('body'),
        unnest(slot('authorIds'), 'int[]').as('author_id'),
        unnest(slot('createdAts'), 'timestamptz[]').as('created_at'),
        unnest(slot('updatedAts'), 'timestamptz[]').as('updated_at'),
      ]),
    )
    .with('items', (db) =>
      db.selectFrom('given as g').select((eb) => [
        'g.position',
        // CASE evaluates in order: an article without a fallback costs no lookup.
        eb
          .case()
          .when('g.fallback_slug', 'is', null)
          .then(eb.ref('g.slug'))
          .when(eb.exists(eb.selectFrom('articles as a').select('a.id').whereRef('a.slug', '=', 'g.slug')))
          .then(eb.ref('g.fallback_slug'))
          .else(eb.ref('g.slug'))
          .end()
          .as('slug'),
        'g.title',
        'g.description',
        'g.body',
        'g.author_id',
        'g.created_at',
        'g.updated_at',
      ]),
    )
    .with('item_tags', (db) =>
      db.selectNoFrom([
        unnest(slot('tagOf'), 'int[]').as('position'),
        unnest(slot('tagPositions'), 'int[]').as('tag_position'),
        unnest(slot('tags'), 'text[]').as('tag'),
      ]),
    )
    .with('inserted', (db) =>
      db
        .insertInto('articles')
        .columns(['slug', 'title', 'description', 'body', 'author_id', 'created_at', 'updated_at', 'tag_list'])
        .expression(
          db
            .selectFrom('items as i')
            .select((eb) => [
              'i.slug',
              'i.title',
              'i.description',
              'i.body',
              'i.author_id',
              'i.created_at',
              'i.updated_at',
              eb.fn
                .coalesce(
                  eb
                    .selectFrom('item_tags as it')
                    .select(sql<string[]>`array_agg(it.tag order by it.tag_position)`.as('tags'))
                    .whereRef('it.position', '=', 'i.position'),
                  sql<string[]>`'{}'::text[]`,
                )
                .as('tag_list'),
            ])
            .orderBy('i.position'),
        )
        .onConflict((conflict) => conflict.columns(['tenant_id', 'slug']).doNothing())
        .returning(['id', 'slug', 'author_id', 'created_at']),
    )
    .with('written', (db) =>
      db
        .selectFrom('inserted as w')
        .innerJoin('items as i', 'i.slug', 'w.slug')
        .select(['w.id', 'w.author_id', 'w.created_at', 'i.position']),
    )
    .with('tagged', (db) =>
      db
        .insertInto('article_tags')
        .columns(['article_id', 'tag', 'created_at'])
        .expression(
          db
            .selectFrom('written as w')
            .innerJoin('item_tags as it', 'it.position', 'w.position')
            .select(['w.id', 'it.tag', 'w.created_at']),
        ),
    )
    .with('tag_counts', (db) =>
      db
        .insertInto('tags')
        .columns(['name', 'articles_count'])
        .expression(
          db
            .selectFrom('written as w')
            .innerJoin('item_tags as it', 'it.position', 'w.position')
            .select((eb) => ['it.tag', eb.cast<number>(eb.fn.countAll(), 'integer').as('articles_count')])
            .groupBy('it.tag')
            // Rows are locked in this order: two writers sharing tags take them alike, never each
            // waiting on the other (a deadlock).
            .orderBy('it.tag'),
        )
        .onConflict((conflict) =>
          conflict
            .columns(['tenant_id', 'name'])
            .doUpdateSet((eb) => ({ articles_count: eb('tags.articles_count', '+', eb.ref('excluded.articles_count')) })),
        ),
    )
    .with('authored', (db) =>
      db
        .updateTable('users')
        .from(
          db
            .selectFrom('written as w')
            .select((eb) => ['w.author_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
            .groupBy('w.author_id')
            .as('c'),
        )
        .set((eb) => ({ articles_count: eb('users.articles_count', '+', eb.ref('c.n')) }))
        .whereRef('users.id', '=', 'c.author_id'),
    )
    .selectFrom('inserted')
    .select(['id', 'slug']),
);
