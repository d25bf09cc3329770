#!/bin/sh
# Run once by the postgres image when it creates its database (docker-entrypoint-initdb.d): lets the
# `conduit` role stream the WAL, so that a read replica can be made from this server
# (compose.yaml's `postgres-replica`). Replication connections are not matched by `all`.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
