import type { Article, Comment, NewArticle, NewComment, User, UserId } from '@conduit/domain';
import type { PersistenceFixture } from '@conduit/domain/testing';
import type { Queries } from '../read-models/queries.js';

export type QueryFixture = PersistenceFixture & { readonly queries: Queries };

/** What a part of the query contracts shares with the rest: the running test's fixture, and its helpers. */
export type QueryContractContext = {
  readonly fx: QueryFixture;
  readonly addUser: (overrides?: Partial<User>) => Promise<User>;
  readonly commentOn: (slug: string, comment: NewComment) => Promise<Comment>;
  /** Each article is one minute newer than the previous one. */
  readonly addArticle: (authorId: UserId, overrides?: Partial<NewArticle>) => Promise<Article>;
};

/** The first page of 20, as a client asks for it. */
export const FIRST_PAGE = { limit: 20, offset: 0 };
