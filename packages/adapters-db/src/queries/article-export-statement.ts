import type { Kysely } from 'kysely';
import type { SlotOf } from '../kysely/compiled-statement.js';
import type { Database } from '../kysely/database.js';
import { userIdNamed } from './article-list-shape.js';

export type ExportParams = { tag: string; author: string; afterCreatedAt: string; afterId: number; limit: number };
/** Which export filters are present, and whether the page starts after a cursor. */
export type ExportShape = `${'' | 'tag'}:${'' | 'author'}:${'' | 'after'}`;

/** Oldest first from a cursor: a range scan of the creation index (backwards), not an offset. */
export const exportPage = (db: Kysely<Database>, shape: ExportShape, slot: SlotOf<ExportParams>) => {
  const [tag, author, after] = shape.split(':');
  return db
    .selectFrom('articles as a')
    .innerJoin('users as u', 'u.id', 'a.author_id')
    .select(['a.id', 'a.title', 'a.description', 'a.body', 'a.tag_list', 'a.created_at', 'u.username'])
    .$if(tag !== '', (qb) =>
      qb.where('a.id', 'in', db.selectFrom('article_tags as t').select('t.article_id').where('t.tag', '=', slot('tag'))),
    )
    .$if(author !== '', (qb) => qb.where('a.author_id', '=', userIdNamed(db, slot('author'))))
    .$if(after !== '', (qb) =>
      qb.where((eb) => eb(eb.refTuple('a.created_at', 'a.id'), '>', eb.tuple(slot('afterCreatedAt'), slot('afterId')))),
    )
    .orderBy('a.created_at', 'asc')
    .orderBy('a.id', 'asc')
    .limit(slot('limit'));
};
