import pg from 'pg';

/*
 * The server and the worker run as a role that owns no table and cannot bypass row-level security,
 * so a tenant's isolation does not rest on the application: the owner (DATABASE_MIGRATION_URL, or
 * the embedded database's superuser) applies migrations and grants the runtime role its rights
 * afresh after each, on every table a migration added.
 */

/** The runtime role the embedded database and the test runs create for themselves. */
export const RUNTIME_ROLE = 'conduit_app';

/** The user a PostgreSQL URL signs in as. */
export const roleOf = (url: string): string => decodeURIComponent(new URL(url).username);

/** `url` signed in as `role` (with `password`, or none: trust or peer authentication). */
export const urlAsRole = (url: string, role: string, password?: string): string => {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = password === undefined ? '' : encodeURIComponent(password);
  return parsed.toString();
};

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
};

/**
 * Creates the login role `role` when the cluster has none of that name (roles are the cluster's,
 * shared by its databases), never a superuser nor able to bypass row-level security; sets its
 * password when one is given. Needs a role that may create roles (the embedded superuser, a test's admin).
 */
export const ensureRuntimeRole = async (ownerUrl: string, role: string, password?: string): Promise<void> =>
  withClient(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    try {
      await client.query(`create role ${name} login nosuperuser nobypassrls nocreatedb nocreaterole`);
    } catch (error) {
      // 42710: it exists (made by an earlier start, or by a run beside this one).
      if (Reflect.get(Object(error), 'code') !== '42710' && Reflect.get(Object(error), 'code') !== '23505') throw error;
    }
    if (password !== undefined) await client.query(`alter role ${name} password ${client.escapeLiteral(password)}`);
  });

/**
 * What the runtime role may do, granted by the owner after migrating: read and write rows of every
 * table (row-level security then decides which rows), use their sequences, read the migrations'
 * log (so a server started with DATABASE_URL alone finds nothing pending and starts); no DDL.
 */
export const grantRuntimeRole = async (ownerUrl: string, role: string): Promise<void> =>
  withClient(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    await client.query(`grant usage on schema public to ${name}`);
    await client.query(`grant select, insert, update, delete on all tables in schema public to ${name}`);
    await client.query(`revoke insert, update, delete on table mikro_orm_migrations from ${name}`);
    await client.query(`grant usage, select on all sequences in schema public to ${name}`);
  });

/**
 * The job queue's tables (pg-boss's schema, which the owner installs: see PgBossJobs.install): the
 * runtime role polls them, and announces a job in the transaction of the write that made it.
 */
export const grantRuntimeRoleJobQueue = async (ownerUrl: string, role: string, schema: string): Promise<void> =>
  withClient(ownerUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    await client.query(`grant usage on schema ${client.escapeIdentifier(schema)} to ${name}`);
    await client.query(`grant select, insert, update, delete on all tables in schema ${client.escapeIdentifier(schema)} to ${name}`);
  });

/**
 * Whether `role` already has what a runtime role needs here: the job queue's schema installed and
 * usable, and the newest table granted. A start that migrates nothing then grants nothing.
 */
export const runtimeRoleReady = async (ownerUrl: string, role: string, queueSchema: string): Promise<boolean> =>
  withClient(ownerUrl, async (client) => {
    const result = await client.query<{ ready: boolean }>(
      `select case when to_regnamespace($2) is null or to_regclass('public.tenants') is null then false
         else has_schema_privilege($1, $2, 'usage') and has_table_privilege($1, 'public.tenants', 'select') end as ready`,
      [role, queueSchema],
    );
    return result.rows[0]?.ready === true;
  });

/** Whether the role `url` signs in as escapes row-level security (a superuser, BYPASSRLS), so the policies do not hold it. */
export const bypassesRowSecurity = async (url: string): Promise<boolean> =>
  withClient(url, async (client) => {
    const result = await client.query<{ bypasses: boolean }>(
      'select rolsuper or rolbypassrls as bypasses from pg_roles where rolname = current_user',
    );
    return result.rows[0]?.bypasses === true;
  });
