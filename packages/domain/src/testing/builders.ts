import { type ArticleChanges, type ArticleDraft, type ArticleFields, type NewArticle, newArticle } from '../articles/article.js';
import { checkArticleChanges, checkArticleDraft } from '../articles/article-draft.js';
import { type CommentDraft, checkCommentDraft } from '../comments/comment-text.js';
import type { UserId } from '../shared/ids.js';
import type { NewUser } from '../users/user.js';
import { checkProfileChanges, checkSignUp, type ProfileUpdate, type SignUp } from '../users/user-input.js';
import { authorizedForTest } from './authorized.js';

let sequence = 0;
const next = () => {
  sequence += 1;
  return sequence;
};

/** A valid new user; each call is unique unless overridden. */
export const aNewUser = (overrides: Partial<NewUser> = {}): NewUser => {
  const n = next();
  return {
    username: `user${n}`,
    email: `user${n}@example.com`,
    passwordHash: 'hash',
    bio: null,
    image: null,
    role: 'user',
    roleAssignment: null,
    lock: null,
    ...overrides,
  };
};

/** A valid new article's fields, made the one way there is: through the domain's rules. */
export const anArticleDraft = (overrides: Partial<ArticleFields> = {}): ArticleDraft => {
  const n = next();
  return checkArticleDraft({
    title: `Article ${n}`,
    description: `About ${n}`,
    body: `Body ${n}`,
    tagList: [],
    ...overrides,
  })._unsafeUnwrap();
};

/** A sign-up, through the domain's rules. */
export const aSignUp = (fields: { username: string; email: string; password: string }): SignUp => checkSignUp(fields)._unsafeUnwrap();

/** Changes to one's account, through the domain's rules. */
export const profileChanges = (changes: Record<string, unknown>): ProfileUpdate => checkProfileChanges(changes)._unsafeUnwrap();

/** A comment's fields, through the domain's rules. */
export const aCommentDraft = (body = 'Thank you'): CommentDraft => checkCommentDraft({ body })._unsafeUnwrap();

/** Changes to an article, through the domain's rules. */
export const articleChanges = (changes: Partial<ArticleFields>): ArticleChanges => checkArticleChanges(changes)._unsafeUnwrap();

/** A new article by `authorId`, as a use case makes one with the publish-as policy's proof. */
export const aNewArticle = (draft: ArticleDraft, authorId: UserId, now: Date): NewArticle =>
  newArticle(draft, authorId, now, authorizedForTest('article:publish-as', authorId));
