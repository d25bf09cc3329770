#!/bin/sh
# Run once by the postgres image when it creates its database (docker-entrypoint-initdb.d): the role
# the API and the worker run as (DATABASE_URL). It owns no table and cannot bypass row-level
# security, so each publication's rows are kept apart by PostgreSQL itself; `conduit migrate` runs
# as the owner (DATABASE_MIGRATION_URL) and grants it what it needs after each migration.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
create role conduit_app login password '${CONDUIT_APP_PASSWORD:-conduit_app}' nosuperuser nobypassrls nocreatedb nocreaterole;
SQL
