// Generates a migration from the records: what the records declare minus what the committed
// migrations build. Runs on a throwaway database on the PostgreSQL server of DATABASE_URL, writes
// packages/adapters-db/src/migrations/Migration<timestamp>_<name>.ts and lists it in index.ts.
// Usage (after `pnpm build`): DATABASE_URL=postgres://… node scripts/create-migration.mjs <name>
import { readdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { createOrm, migrateToLatest } from '../packages/adapters-db/dist/index.js';

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('usage: node scripts/create-migration.mjs <name in snake_case>');
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL must name a PostgreSQL server where a throwaway database may be created');
  process.exit(2);
}
const folder = new URL('../packages/adapters-db/src/migrations/', import.meta.url);
const scratch = `conduit_migration_${process.pid}`;
const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
await admin.connect();
await admin.query(`create database ${scratch}`);
try {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${scratch}`;
  const orm = await createOrm({ databaseUrl: url.toString() });
  try {
    await migrateToLatest(orm);
    const result = await orm.migrator.create(folder.pathname, false, false, name);
    if (!result.fileName) {
      console.log('the records and the migrations agree: nothing to generate');
    } else {
      console.log(`written: packages/adapters-db/src/migrations/${result.fileName}`);
    }
  } finally {
    await orm.close();
  }
} finally {
  await admin.query(`drop database if exists ${scratch} with (force)`);
  await admin.end();
}

// The server lists its migrations in code (no file discovery at run time): keep that list whole.
const classes = readdirSync(folder)
  .filter((file) => /^Migration\d+_\w+\.ts$/.test(file))
  .sort()
  .map((file) => file.replace(/\.ts$/, ''));
writeFileSync(
  new URL('index.ts', folder),
  `${classes.map((cls) => `import { ${cls} } from './${cls}.js';`).join('\n')}

/** Every migration, in order. Listed in code so the built server needs no file discovery. */
export const migrationsList = [
${classes.map((cls) => `  { name: '${cls}', class: ${cls} },`).join('\n')}
];
`,
);
