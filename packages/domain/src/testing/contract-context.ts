import type { NewArticle } from '../articles/article.js';
import type { Comment, NewComment } from '../comments/comment.js';
import type { UserId } from '../shared/ids.js';
import type { NewUser, User } from '../users/user.js';
import type { PersistenceFixture } from './persistence-fixture.js';

/** What a part of the repository contracts shares with the rest: the fixture of the running test, and its helpers. */
export type ContractContext = {
  readonly fx: PersistenceFixture;
  readonly addUser: (overrides?: Partial<NewUser>) => Promise<User>;
  readonly commentOn: (slug: string, comment: NewComment) => Promise<Comment>;
  readonly articleBy: (authorId: UserId, overrides?: Partial<NewArticle>) => NewArticle;
};
