import { type Article, articleId, type Comment, commentId, type User, userId } from '@conduit/domain';
import { CompiledStatement, type SlotOf, type StatementRow } from '../kysely/compiled-statement.js';
import { dateFromColumn } from '../kysely/database.js';
import { toRole } from '../mappers/user.mapper.js';

/*
 * The repositories' reads of one user, article or comment, as compiled statements: they name their
 * tenant like every other (tenants/tenant-predicates.ts), which the entity manager's `findOne` did
 * only through a global filter it evaluated and merged on every call, which made GET /api/user and
 * a comment list markedly dearer (docs/benchmarks.md, "Two walls").
 */

const userColumns = [
  'id',
  'username',
  'email',
  'password_hash',
  'bio',
  'image',
  'role',
  'role_assigned_by',
  'role_assigned_at',
  'locked_by',
  'locked_at',
  'locked_reason',
] as const;

export const userById = new CompiledStatement((db, slot: SlotOf<{ id: number }>) =>
  db.selectFrom('users').select(userColumns).where('id', '=', slot('id')),
);
export const userByEmail = new CompiledStatement((db, slot: SlotOf<{ email: string }>) =>
  db.selectFrom('users').select(userColumns).where('email', '=', slot('email')),
);
export const userByUsername = new CompiledStatement((db, slot: SlotOf<{ username: string }>) =>
  db.selectFrom('users').select(userColumns).where('username', '=', slot('username')),
);

export const userFromRow = (row: StatementRow<typeof userById>): User => ({
  id: userId(row.id),
  username: row.username,
  email: row.email,
  passwordHash: row.password_hash,
  bio: row.bio ?? null,
  image: row.image ?? null,
  role: toRole(row.role),
  roleAssignment:
    row.role_assigned_by != null && row.role_assigned_at != null
      ? { by: row.role_assigned_by, at: dateFromColumn(row.role_assigned_at) }
      : null,
  lock:
    row.locked_by != null && row.locked_at != null
      ? { by: row.locked_by, at: dateFromColumn(row.locked_at), reason: row.locked_reason ?? '' }
      : null,
});

const articleColumns = ['id', 'slug', 'title', 'description', 'body', 'tag_list', 'author_id', 'created_at', 'updated_at'] as const;

export const articleBySlug = new CompiledStatement((db, slot: SlotOf<{ slug: string }>) =>
  db.selectFrom('articles').select(articleColumns).where('slug', '=', slot('slug')),
);
/** `SELECT … FOR UPDATE`: a concurrent delete waits for this transaction, or has already won. */
export const articleBySlugForChange = new CompiledStatement((db, slot: SlotOf<{ slug: string }>) =>
  db.selectFrom('articles').select(articleColumns).where('slug', '=', slot('slug')).forUpdate(),
);

export const articleFromRow = (row: StatementRow<typeof articleBySlug>): Article => ({
  id: articleId(row.id),
  slug: row.slug,
  title: row.title,
  description: row.description,
  body: row.body,
  tagList: [...row.tag_list],
  authorId: userId(row.author_id),
  createdAt: dateFromColumn(row.created_at),
  updatedAt: dateFromColumn(row.updated_at),
});

export const commentOnArticle = new CompiledStatement((db, slot: SlotOf<{ id: number; articleId: number }>) =>
  db
    .selectFrom('comments')
    .select(['id', 'body', 'article_id', 'author_id', 'created_at', 'updated_at'])
    .where('id', '=', slot('id'))
    .where('article_id', '=', slot('articleId')),
);

export const commentFromRow = (row: StatementRow<typeof commentOnArticle>): Comment => ({
  id: commentId(row.id),
  body: row.body,
  articleId: articleId(row.article_id),
  authorId: userId(row.author_id),
  createdAt: dateFromColumn(row.created_at),
  updatedAt: dateFromColumn(row.updated_at),
});
