import { defineEntity, p } from '@mikro-orm/core';
import { tenantColumn, tenantOwned } from './tenant-column.js';

/** How a flag is set: on, off, or on for `percent` of the users. */
export type FlagStateColumn = 'on' | 'off' | 'rollout';

/**
 * A flag as set at one publication, for the whole of it (`article` empty) or for one article, with
 * who set it, when and why. A flag without a row has its default. Read whole per publication by
 * every process (app/flags/flag-book.ts), which keeps it in memory.
 */
export const FeatureFlagRecord = defineEntity({
  name: 'FeatureFlagRecord',
  tableName: 'feature_flags',
  ...tenantOwned,
  properties: {
    tenantId: tenantColumn().primary(),
    flag: p.string().length(32).primary(),
    /** The slug of the one article the setting is for; empty for the whole publication. */
    article: p.string().length(255).primary().default(''),
    state: p.string().length(8).$type<FlagStateColumn>(),
    percent: p.smallint().nullable(),
    changedBy: p.string().length(255),
    changedAt: p.datetime(3),
    reason: p.text().nullable(),
  },
});

/** Every change of a publication's flags, set or unset (`state` null), kept as the record of who did what and why. */
export const FeatureFlagChangeRecord = defineEntity({
  name: 'FeatureFlagChangeRecord',
  tableName: 'feature_flag_changes',
  ...tenantOwned,
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    // A publication's changes are listed by this index (newest first: by id).
    tenantId: tenantColumn().index('feature_flag_changes_tenant_index'),
    flag: p.string().length(32),
    article: p.string().length(255).default(''),
    state: p.string().length(8).$type<FlagStateColumn>().nullable(),
    percent: p.smallint().nullable(),
    changedBy: p.string().length(255),
    changedAt: p.datetime(3),
    reason: p.text().nullable(),
  },
});
