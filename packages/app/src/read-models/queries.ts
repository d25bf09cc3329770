import type { ArticleId, CommentId, TokenClaims, UserActor, UserId } from '@conduit/domain';
import type { SelfProfile } from '../context.js';
import type { ArticlePage, ArticlePosition, ArticleView, ExportedArticle } from './article-view.js';
import type { CommentView } from './comment-view.js';
import type { ProfileView } from './profile-view.js';

/**
 * A page: `limit` articles, after skipping `offset` of them, counted from the top of the list or,
 * with `after`, from that position (a previous page's `next`).
 */
export type PageRequest = { readonly limit: number; readonly offset: number; readonly after?: ArticlePosition };

/** Filters combine with AND; an absent filter does not restrict. */
export type ArticleFilter = {
  readonly tag?: string;
  readonly author?: string;
  readonly favoritedBy?: string;
};

/**
 * Read side. Implementations answer each call with a fixed, small number of statements whatever
 * the page size (no N+1), newest article first. `viewerId` null means anonymous.
 */
export interface ArticleQueries {
  /** Returns null when no article has this slug. */
  bySlug(slug: string, viewerId: UserId | null): Promise<ArticleView | null>;
  list(filter: ArticleFilter, page: PageRequest, viewerId: UserId | null): Promise<ArticlePage>;
  /** Articles whose authors the viewer follows. */
  feed(viewerId: UserId, page: PageRequest): Promise<ArticlePage>;
  /**
   * Oldest first, the `limit` articles after `after` (from the start when null): an export walks
   * every article this way, a page at a time, at the same cost on the last page as on the first.
   */
  exportPage(filter: ExportFilter, after: ArticlePosition | null, limit: number): Promise<ExportedArticle[]>;
}

export type ExportFilter = { readonly tag?: string; readonly author?: string };

export interface ProfileQueries {
  /** Returns null when no user has this username. */
  byUsername(username: string, viewerId: UserId | null): Promise<ProfileView | null>;
}

export interface CommentQueries {
  /** Oldest first. */
  forArticle(articleId: ArticleId, viewerId: UserId | null): Promise<CommentView[]>;
  /** Returns null when the comment does not exist. */
  byId(id: CommentId, viewerId: UserId | null): Promise<CommentView | null>;
}

export interface TagQueries {
  /** Every tag in use, most used first. */
  all(): Promise<string[]>;
}

/** What an account export gathers beyond the user's profile and articles: every item, in order of creation. */
export type AccountActivity = {
  readonly comments: readonly { readonly id: number; readonly article: string; readonly body: string; readonly createdAt: Date }[];
  /** Slugs of the articles the user favorited. */
  readonly favorites: readonly string[];
  /** Usernames the user follows. */
  readonly following: readonly string[];
};

export interface AccountQueries {
  /** The user's comments (with their article's slug), favorites and follows; empty lists for an unknown user. */
  activityOf(userId: UserId): Promise<AccountActivity>;
}

/** A signed-in request's actor, and when its session was last recorded as seen. */
export type SessionActor = { readonly actor: UserActor; readonly lastSeenAt: Date; readonly self: SelfProfile };

/** Runs on every authenticated request, so it is a read model of its own: one indexed lookup. */
export interface ActorQueries {
  /**
   * The actor behind a verified token, in one lookup: the token's session must exist, belong to
   * the token's user and not have expired at `now`, and that user must not be locked. Else null.
   */
  bySession(claims: TokenClaims, now: Date): Promise<SessionActor | null>;
}

export type Queries = {
  readonly actors: ActorQueries;
  readonly accounts: AccountQueries;
  readonly articles: ArticleQueries;
  readonly profiles: ProfileQueries;
  readonly comments: CommentQueries;
  readonly tags: TagQueries;
};
