import { Migration } from '@mikro-orm/migrations';

/**
 * Many publications on one database. Every tenant-owned table gets `tenant_id`, filled with 1 (the
 * `default` tenant, which every existing row belongs to and every unmapped host is served by) and
 * defaulting from then on to the tenant the statement runs for; uniqueness (usernames, emails,
 * slugs, tags, counters, idempotency keys) becomes per tenant; and row-level security, forced on the
 * tables' owner too, makes PostgreSQL itself show and accept only the current tenant's rows. The
 * period counters' triggers count per tenant. Generated from the
 * records (records/tenant-column.ts declares the policies and the function), then given the backfill
 * of existing rows, the default tenant and the triggers, which a generated migration lacks. Its SQL is
 * written out here, not taken from the records, so that it stays what it was when they change.
 */

export class Migration20261203225337_tenants extends Migration {
  override name = 'Migration20261203225337_tenants';

  override up(): void | Promise<void> {
    this.addSql(CURRENT_TENANT_FUNCTION);
    this.addSql(`create table "tenants" ("id" serial primary key, "slug" varchar(63) not null, "created_at" timestamptz(3) not null);`);
    this.addSql(`alter table "tenants" add constraint "tenants_slug_unique" unique ("slug");`);

    this.addSql(`create table "tenant_hosts" ("host" varchar(253) not null, "tenant_id" int not null, primary key ("host"));`);
    this.addSql(`create index "tenant_hosts_tenant_index" on "tenant_hosts" ("tenant_id");`);

    this.addSql(`drop index "article_periods_unit_start_index";`);
    this.addSql(`alter table "article_periods" drop constraint "article_periods_pkey";`);
    this.addSql(`alter table "article_periods" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "article_periods" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(
      `create index "article_periods_tenant_unit_start_index" on "article_periods" ("tenant_id", "unit", "start") include ("articles_count");`,
    );
    this.addSql(`alter table "article_periods" add primary key ("tenant_id", "unit", "start", "shard");`);

    this.addSql(`alter table "idempotency_keys" drop constraint "idempotency_keys_pkey";`);
    this.addSql(`alter table "idempotency_keys" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "idempotency_keys" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(`alter table "idempotency_keys" add primary key ("tenant_id", "scope", "key");`);

    this.addSql(`drop index "tags_in_use_index";`);
    this.addSql(`alter table "tags" drop constraint "tags_pkey";`);
    this.addSql(`alter table "tags" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "tags" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(
      `create index "tags_tenant_in_use_index" on "tags" ("tenant_id", "articles_count" desc, "name") where "articles_count" > 0;`,
    );
    this.addSql(`alter table "tags" add primary key ("tenant_id", "name");`);

    this.addSql(`alter table "users" drop constraint "users_email_unique";`);
    this.addSql(`alter table "users" drop constraint "users_username_unique";`);
    this.addSql(`alter table "users" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "users" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(`alter table "users" add constraint "users_tenant_username_unique" unique ("tenant_id", "username");`);
    this.addSql(`alter table "users" add constraint "users_tenant_email_unique" unique ("tenant_id", "email");`);

    this.addSql(`alter table "sessions" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "sessions" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "jobs" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "jobs" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "job_results" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "job_results" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "job_items" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "job_items" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "job_idempotency_keys" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "job_idempotency_keys" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "follows" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "follows" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`drop index "articles_created_at_index";`);
    this.addSql(`alter table "articles" drop constraint "articles_slug_unique";`);
    this.addSql(`alter table "articles" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "articles" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(`create index "articles_tenant_created_at_index" on "articles" ("tenant_id", "created_at" desc, "id" desc);`);
    this.addSql(`alter table "articles" add constraint "articles_tenant_slug_unique" unique ("tenant_id", "slug");`);

    this.addSql(`alter table "favorites" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "favorites" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`alter table "comments" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "comments" alter column "tenant_id" set default conduit_tenant();`);

    this.addSql(`drop index "article_tags_tag_created_at_index";`);
    this.addSql(`alter table "article_tags" add "tenant_id" int not null default 1;`);
    this.addSql(`alter table "article_tags" alter column "tenant_id" set default conduit_tenant();`);
    this.addSql(
      `create index "article_tags_tenant_tag_created_at_index" on "article_tags" ("tenant_id", "tag", "created_at" desc, "article_id" desc);`,
    );

    this.addSql(
      `alter table "tenant_hosts" add constraint "tenant_hosts_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade;`,
    );
    this.addSql(`insert into "tenants" ("id", "slug", "created_at") values (1, 'default', now());`);
    this.addSql(`select setval('tenants_id_seq', 1);`);

    this.addSql(`drop trigger "count_into_periods" on "articles";`);
    this.addSql(`drop function "articles_count_into_periods_fn"();`);
    this.addSql(`drop trigger "count_out_of_periods" on "articles";`);
    this.addSql(`drop function "articles_count_out_of_periods_fn"();`);
    this.addSql(COUNT_INTO_PERIODS);
    this.addSql(COUNT_OUT_OF_PERIODS);

    for (const table of TABLES) {
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`alter table "${table}" force row level security;`);
      this.addSql(
        `create policy "tenant_isolation" on "${table}" as permissive for all to public using (tenant_id = conduit_tenant()) with check (tenant_id = conduit_tenant());`,
      );
    }
  }

  override down(): void | Promise<void> {
    this.addSql(
      `do $$ begin if exists (select from "tenants" where "id" <> 1) then raise exception 'more than one tenant: remove the others (conduit tenants remove) before going back'; end if; end $$;`,
    );
    for (const table of TABLES) {
      this.addSql(`drop policy "tenant_isolation" on "${table}";`);
      this.addSql(`alter table "${table}" no force row level security;`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(`alter table "tenant_hosts" drop constraint "tenant_hosts_tenant_id_foreign";`);

    this.addSql(`drop table if exists "tenants" cascade;`);
    this.addSql(`drop table if exists "tenant_hosts" cascade;`);

    this.addSql(`drop index "article_periods_tenant_unit_start_index";`);
    this.addSql(`alter table "article_periods" drop constraint "article_periods_pkey";`);
    this.addSql(`alter table "article_periods" drop column "tenant_id";`);
    this.addSql(`create index "article_periods_unit_start_index" on "article_periods" ("unit", "start") include ("articles_count");`);
    this.addSql(`alter table "article_periods" add primary key ("unit", "start", "shard");`);

    this.addSql(`drop index "article_tags_tenant_tag_created_at_index";`);
    this.addSql(`alter table "article_tags" drop column "tenant_id";`);
    this.addSql(`create index "article_tags_tag_created_at_index" on "article_tags" ("tag", "created_at" DESC, "article_id" DESC);`);

    this.addSql(`drop index "articles_tenant_created_at_index";`);
    this.addSql(`alter table "articles" drop constraint "articles_tenant_slug_unique";`);
    this.addSql(`alter table "articles" drop column "tenant_id";`);
    this.addSql(`create index "articles_created_at_index" on "articles" ("created_at" DESC, "id" DESC);`);
    this.addSql(`alter table "articles" add constraint "articles_slug_unique" unique ("slug");`);

    this.addSql(`alter table "comments" drop column "tenant_id";`);

    this.addSql(`alter table "favorites" drop column "tenant_id";`);

    this.addSql(`alter table "follows" drop column "tenant_id";`);

    this.addSql(`alter table "idempotency_keys" drop constraint "idempotency_keys_pkey";`);
    this.addSql(`alter table "idempotency_keys" drop column "tenant_id";`);
    this.addSql(`alter table "idempotency_keys" add primary key ("scope", "key");`);

    this.addSql(`alter table "job_idempotency_keys" drop column "tenant_id";`);

    this.addSql(`alter table "job_items" drop column "tenant_id";`);

    this.addSql(`alter table "job_results" drop column "tenant_id";`);

    this.addSql(`alter table "jobs" drop column "tenant_id";`);

    this.addSql(`alter table "sessions" drop column "tenant_id";`);

    this.addSql(`drop index "tags_tenant_in_use_index";`);
    this.addSql(`alter table "tags" drop constraint "tags_pkey";`);
    this.addSql(`alter table "tags" drop column "tenant_id";`);
    this.addSql(`create index "tags_in_use_index" on "tags" ("articles_count" DESC, "name") where articles_count > 0;`);
    this.addSql(`alter table "tags" add primary key ("name");`);

    this.addSql(`alter table "users" drop constraint "users_tenant_username_unique";`);
    this.addSql(`alter table "users" drop constraint "users_tenant_email_unique";`);
    this.addSql(`alter table "users" drop column "tenant_id";`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);

    this.addSql(`drop trigger "count_into_periods" on "articles";`);
    this.addSql(`drop function "articles_count_into_periods_fn"();`);
    this.addSql(`drop trigger "count_out_of_periods" on "articles";`);
    this.addSql(`drop function "articles_count_out_of_periods_fn"();`);
    this.addSql(COUNT_INTO_PERIODS_BEFORE_TENANTS);
    this.addSql(COUNT_OUT_OF_PERIODS_BEFORE_TENANTS);
    this.addSql(`drop function "conduit_tenant"();`);
  }
}

/** The tenant-owned tables, as this migration made them. */
const TABLES = [
  'users',
  'follows',
  'articles',
  'article_tags',
  'favorites',
  'comments',
  'tags',
  'article_periods',
  'jobs',
  'job_items',
  'job_idempotency_keys',
  'job_results',
  'idempotency_keys',
  'sessions',
];

/** The current tenant, or NULL (records/tenant-column.ts says why it is written so). */
const CURRENT_TENANT_FUNCTION = `create function "conduit_tenant"() returns int language sql stable parallel safe as $$ select nullif(current_setting('conduit.tenant', true), '')::int $$;`;

/** The period counters' triggers, counting per tenant. */
const COUNT_INTO_PERIODS = `create function "articles_count_into_periods_fn"() returns trigger language plpgsql as $$
begin
  insert into article_periods (tenant_id, unit, start, shard, articles_count)
  select n.tenant_id, u.unit, date_trunc(u.unit, n.created_at, 'UTC'), n.id % 8, count(*)
  from inserted n, unnest(array['day', 'minute', 'second']) as u(unit)
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (tenant_id, unit, start, shard) do update set articles_count = article_periods.articles_count + excluded.articles_count;
  return null;
end $$;
create trigger "count_into_periods" after insert on "articles" referencing new table as inserted for each statement execute function "articles_count_into_periods_fn"();`;

const COUNT_OUT_OF_PERIODS = `create function "articles_count_out_of_periods_fn"() returns trigger language plpgsql as $$
begin
  update article_periods p set articles_count = p.articles_count - l.lost
  from (
    select r.tenant_id, u.unit, date_trunc(u.unit, r.created_at, 'UTC') as start, r.id % 8 as shard, count(*)::int as lost
    from removed r, unnest(array['day', 'minute', 'second']) as u(unit)
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
  ) l
  where p.tenant_id = l.tenant_id and p.unit = l.unit and p.start = l.start and p.shard = l.shard;
  return null;
end $$;
create trigger "count_out_of_periods" after delete on "articles" referencing old table as removed for each statement execute function "articles_count_out_of_periods_fn"();`;

/** The period counters' triggers as the migration `article_periods` made them, for down. */
const COUNT_INTO_PERIODS_BEFORE_TENANTS = `create function "articles_count_into_periods_fn"() returns trigger language plpgsql as $$
begin
  insert into article_periods (unit, start, shard, articles_count)
  select u.unit, date_trunc(u.unit, n.created_at, 'UTC'), n.id % 8, count(*)
  from inserted n, unnest(array['day', 'minute', 'second']) as u(unit)
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (unit, start, shard) do update set articles_count = article_periods.articles_count + excluded.articles_count;
  return null;
end $$;
create trigger "count_into_periods" after insert on "articles" referencing new table as inserted for each statement execute function "articles_count_into_periods_fn"();`;

const COUNT_OUT_OF_PERIODS_BEFORE_TENANTS = `create function "articles_count_out_of_periods_fn"() returns trigger language plpgsql as $$
begin
  update article_periods p set articles_count = p.articles_count - l.lost
  from (
    select u.unit, date_trunc(u.unit, r.created_at, 'UTC') as start, r.id % 8 as shard, count(*)::int as lost
    from removed r, unnest(array['day', 'minute', 'second']) as u(unit)
    group by 1, 2, 3 order by 1, 2, 3
  ) l
  where p.unit = l.unit and p.start = l.start and p.shard = l.shard;
  return null;
end $$;
create trigger "count_out_of_periods" after delete on "articles" referencing old table as removed for each statement execute function "articles_count_out_of_periods_fn"();`;
