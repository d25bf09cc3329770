import type {
  Article,
  ArticleId,
  Comment,
  CommentId,
  FlagChangeRecord,
  FlagSetting,
  HeldIdempotencyKey,
  Job,
  JobId,
  Session,
  SessionId,
  User,
  UserId,
} from '@conduit/domain';

/** A job as stored: invisible while `received` is false (an upload), with its staged items and, once ended, its result. */
export type StoredJob = {
  readonly job: Job;
  readonly received: boolean;
  readonly items: string[];
  readonly result?: { readonly document: string; readonly expiresAt: Date };
};
/** Keys are `${ownerId}:${key}`. */
export type HeldKey = { readonly jobId: JobId; readonly fingerprint: string; readonly createdAt: Date };

/** The whole state of the in-memory adapters: plain maps, cloned for snapshots. */
export class InMemoryStore {
  users = new Map<UserId, User>();
  sessions = new Map<SessionId, Session>();
  /** Keys are `${followerId}:${followeeId}`. */
  follows = new Set<string>();
  articles = new Map<ArticleId, Article>();
  /** Keys are `${userId}:${articleId}`. */
  favorites = new Set<string>();
  comments = new Map<CommentId, Comment>();
  jobs = new Map<JobId, StoredJob>();
  idempotencyKeys = new Map<string, HeldKey>();
  /** Keys of writes other than imports; keys are `${scope}\n${key}`. */
  writeKeys = new Map<string, HeldIdempotencyKey>();
  /** Job ids announced to the workers, in order (the queue a test drains). */
  announced: JobId[] = [];
  /** Flag settings by `${flag}` or `${flag} article ${slug}`, and every change in order. */
  flags = new Map<string, FlagSetting>();
  flagChanges: FlagChangeRecord[] = [];
  private sequence = 0;

  /** The favorite keys of one article, whoever gave them. */
  favoriteKeysOf(articleId: ArticleId): string[] {
    const suffix = `:${articleId}`;
    return [...this.favorites].filter((key) => key.endsWith(suffix));
  }

  articleWithSlug(slug: string): Article | undefined {
    for (const article of this.articles.values()) if (article.slug === slug) return article;
    return undefined;
  }

  nextId(): number {
    this.sequence += 1;
    return this.sequence;
  }

  snapshot(): () => void {
    const saved = {
      users: new Map(this.users),
      sessions: new Map(this.sessions),
      follows: new Set(this.follows),
      articles: new Map(this.articles),
      favorites: new Set(this.favorites),
      comments: new Map(this.comments),
      jobs: new Map(this.jobs),
      idempotencyKeys: new Map(this.idempotencyKeys),
      writeKeys: new Map(this.writeKeys),
      announced: [...this.announced],
      flags: new Map(this.flags),
      flagChanges: [...this.flagChanges],
    };
    return () => Object.assign(this, saved);
  }
}

export const followKey = (followerId: UserId, followeeId: UserId): string => `${followerId}:${followeeId}`;
export const favoriteKey = (userId: UserId, articleId: ArticleId): string => `${userId}:${articleId}`;
