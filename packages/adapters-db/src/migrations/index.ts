import { Migration20261124000000_initial } from './Migration20261124000000_initial.js';
import { Migration20261124010000_read_counters } from './Migration20261124010000_read_counters.js';
import { Migration20261125155744_role_assignment } from './Migration20261125155744_role_assignment.js';
import { Migration20261125165725_tags } from './Migration20261125165725_tags.js';
import { Migration20261125171613_tag_pages } from './Migration20261125171613_tag_pages.js';
import { Migration20261125173204_favorite_pages } from './Migration20261125173204_favorite_pages.js';
import { Migration20261125181850_article_days } from './Migration20261125181850_article_days.js';
import { Migration20261125203834_jobs } from './Migration20261125203834_jobs.js';
import { Migration20261202085625_idempotency_keys } from './Migration20261202085625_idempotency_keys.js';
import { Migration20261202185727_sessions_and_locks } from './Migration20261202185727_sessions_and_locks.js';
import { Migration20261202193647_job_results } from './Migration20261202193647_job_results.js';
import { Migration20261203054518_article_periods } from './Migration20261203054518_article_periods.js';
import { Migration20261203083047_session_write_positions } from './Migration20261203083047_session_write_positions.js';
import { Migration20261203085326_drop_article_days } from './Migration20261203085326_drop_article_days.js';
import { Migration20261203225337_tenants } from './Migration20261203225337_tenants.js';
import { Migration20261204000000_tenant_covering_indexes } from './Migration20261204000000_tenant_covering_indexes.js';
import { Migration20261207181547_feature_flags } from './Migration20261207181547_feature_flags.js';
import { Migration20261208000000_author_index_covers_tenant } from './Migration20261208000000_author_index_covers_tenant.js';

/** Every migration, in order. Listed in code so the built server needs no file discovery. */
export const migrationsList = [
  { name: 'Migration20261124000000_initial', class: Migration20261124000000_initial },
  { name: 'Migration20261124010000_read_counters', class: Migration20261124010000_read_counters },
  { name: 'Migration20261125155744_role_assignment', class: Migration20261125155744_role_assignment },
  { name: 'Migration20261125165725_tags', class: Migration20261125165725_tags },
  { name: 'Migration20261125171613_tag_pages', class: Migration20261125171613_tag_pages },
  { name: 'Migration20261125173204_favorite_pages', class: Migration20261125173204_favorite_pages },
  { name: 'Migration20261125181850_article_days', class: Migration20261125181850_article_days },
  { name: 'Migration20261125203834_jobs', class: Migration20261125203834_jobs },
  { name: 'Migration20261202085625_idempotency_keys', class: Migration20261202085625_idempotency_keys },
  { name: 'Migration20261202185727_sessions_and_locks', class: Migration20261202185727_sessions_and_locks },
  { name: 'Migration20261202193647_job_results', class: Migration20261202193647_job_results },
  { name: 'Migration20261203054518_article_periods', class: Migration20261203054518_article_periods },
  { name: 'Migration20261203083047_session_write_positions', class: Migration20261203083047_session_write_positions },
  { name: 'Migration20261203085326_drop_article_days', class: Migration20261203085326_drop_article_days },
  { name: 'Migration20261203225337_tenants', class: Migration20261203225337_tenants },
  { name: 'Migration20261204000000_tenant_covering_indexes', class: Migration20261204000000_tenant_covering_indexes },
  { name: 'Migration20261207181547_feature_flags', class: Migration20261207181547_feature_flags },
  { name: 'Migration20261208000000_author_index_covers_tenant', class: Migration20261208000000_author_index_covers_tenant },
];
