import type { ArticleId } from '@conduit/domain';
import { sql } from 'kysely';
import { CompiledStatement, type SlotOf } from '../kysely/compiled-statement.js';
import { unnest, untag } from './counter-expressions.js';

/**
 * Tags, favorites and comments go with the article (ON DELETE CASCADE); the author's count and its
 * tags' counts follow (its periods', by trigger: see article-period.record.ts). Every part of one statement sees the rows as they were before it.
 */
export const removeArticle = new CompiledStatement((db, slot: SlotOf<{ id: ArticleId }>) =>
  db
    .with('removed', (db) => db.deleteFrom('articles').where('id', '=', slot('id')).returning(['id', 'author_id', 'created_at']))
    .with('untagged', (db) => untag(db, slot('id')).returning('name'))
    .updateTable('users')
    .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('removed').select('author_id')),
);

/** An article's new fields, as the repository maps them. */
type ArticleChange = {
  id: ArticleId;
  slug: string;
  title: string;
  description: string;
  body: string;
  tagList: string[];
  updatedAt: string;
};

/**
 * An edited article in one statement: its fields, and of its tags only those that changed: links
 * of dropped tags deleted and counted down, links of new tags inserted and counted up (creating
 * tags not seen before). Every part sees the tags as they were before the statement. A taken slug
 * is the unique violation the repository maps to SlugTaken.
 */
export const changeArticle = new CompiledStatement((db, slot: SlotOf<ArticleChange>) =>
  db
    .with('old_tags', (db) => db.selectFrom('article_tags').select('tag').where('article_id', '=', slot('id')))
    .with('new_tags', (db) => db.selectNoFrom(unnest(slot('tagList'), 'text[]').as('tag')))
    .with('changed', (db) =>
      db
        .updateTable('articles')
        .set({
          slug: slot('slug'),
          title: slot('title'),
          description: slot('description'),
          body: slot('body'),
          tag_list: sql<string[]>`${slot('tagList')}::text[]`,
          updated_at: slot('updatedAt'),
        })
        .where('id', '=', slot('id'))
        .returning(['id', 'created_at']),
    )
    .with('dropped', (db) =>
      db
        .deleteFrom('article_tags')
        .where('article_id', 'in', (eb) => eb.selectFrom('changed').select('id'))
        .where('tag', 'not in', (eb) => eb.selectFrom('new_tags').select('tag'))
        .returning('tag'),
    )
    .with('added', (db) =>
      db
        .insertInto('article_tags')
        .columns(['article_id', 'tag', 'created_at'])
        .expression(
          db
            .selectFrom(['changed as c', 'new_tags as n'])
            .select(['c.id', 'n.tag', 'c.created_at'])
            .where('n.tag', 'not in', (eb) => eb.selectFrom('old_tags').select('tag')),
        )
        .returning('tag'),
    )
    .with('counted_down', (db) =>
      db
        .updateTable('tags')
        .set((eb) => ({ articles_count: eb('articles_count', '-', 1) }))
        .where('name', 'in', (eb) => eb.selectFrom('dropped').select('tag')),
    )
    .with('counted_up', (db) =>
      db
        .insertInto('tags')
        .columns(['name', 'articles_count'])
        .expression(db.selectFrom('added').select((eb) => ['tag', eb.lit(1).as('articles_count')]))
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'name']).doUpdateSet((eb) => ({ articles_count: eb('tags.articles_count', '+', 1) })),
        ),
    )
    .selectFrom('changed')
    .select('id'),
);
