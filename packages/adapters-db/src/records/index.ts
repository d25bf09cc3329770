import { ArticleRecord } from './article.record.js';
import { ArticlePeriodRecord } from './article-period.record.js';
import { ArticleTagRecord } from './article-tag.record.js';
import { CommentRecord } from './comment.record.js';
import { FavoriteRecord } from './favorite.record.js';
import { FeatureFlagChangeRecord, FeatureFlagRecord } from './feature-flag.record.js';
import { FollowRecord } from './follow.record.js';
import { IdempotencyKeyRecord } from './idempotency-key.record.js';
import { JobRecord } from './job.record.js';
import { JobIdempotencyKeyRecord } from './job-idempotency-key.record.js';
import { JobItemRecord } from './job-item.record.js';
import { JobResultRecord } from './job-result.record.js';
import { SessionRecord } from './session.record.js';
import { TagRecord } from './tag.record.js';
import { TenantRecord } from './tenant.record.js';
import { TenantHostRecord } from './tenant-host.record.js';
import { UserRecord } from './user.record.js';

export {
  ArticlePeriodRecord,
  ArticleRecord,
  ArticleTagRecord,
  CommentRecord,
  FavoriteRecord,
  FeatureFlagChangeRecord,
  FeatureFlagRecord,
  FollowRecord,
  IdempotencyKeyRecord,
  JobIdempotencyKeyRecord,
  JobItemRecord,
  JobRecord,
  JobResultRecord,
  SessionRecord,
  TagRecord,
  TenantHostRecord,
  TenantRecord,
  UserRecord,
};

/** The records whose rows belong to one tenant (`tenantOwned`): every one but the tenants' own. */
export const tenantOwnedRecords = [
  UserRecord,
  FollowRecord,
  ArticleRecord,
  ArticleTagRecord,
  FavoriteRecord,
  CommentRecord,
  TagRecord,
  ArticlePeriodRecord,
  JobRecord,
  JobItemRecord,
  JobIdempotencyKeyRecord,
  IdempotencyKeyRecord,
  SessionRecord,
  JobResultRecord,
  FeatureFlagRecord,
  FeatureFlagChangeRecord,
];

export const allRecords = [TenantRecord, TenantHostRecord, ...tenantOwnedRecords];
