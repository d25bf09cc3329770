/**
 * A consumer's script on the typed client (`@conduit/client`), over HTTP to a running server:
 * signs in, sends an NDJSON file of articles as an import job (with an `Idempotency-Key`, so the
 * client may retry it safely), and follows the job to its end, one progress line per read on
 * standard error. Prints the ended job as one JSON line.
 *
 *   CONDUIT_URL=http://localhost:3000 CONDUIT_EMAIL=… CONDUIT_PASSWORD=… node apps/scripts/dist/import-over-http.js articles.ndjson
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createConduitClient, followJob } from '@conduit/client';

const [file] = process.argv.slice(2);
const { CONDUIT_URL = 'http://localhost:3000', CONDUIT_EMAIL, CONDUIT_PASSWORD } = process.env;
if (file === undefined || CONDUIT_EMAIL === undefined || CONDUIT_PASSWORD === undefined) {
  throw new Error('usage: CONDUIT_EMAIL=… CONDUIT_PASSWORD=… node import-over-http.js FILE.ndjson');
}

const anonymous = createConduitClient({ baseUrl: CONDUIT_URL });
const login = await anonymous.POST('/api/users/login', { body: { user: { email: CONDUIT_EMAIL, password: CONDUIT_PASSWORD } } });
if (login.data === undefined) throw new Error(`login refused: ${JSON.stringify(login.error)}`);
const conduit = createConduitClient({ baseUrl: CONDUIT_URL, token: login.data.user.token });

const submitted = await conduit.POST('/api/articles/imports', {
  // NDJSON goes as is; the document's types describe its JSON form.
  body: (await readFile(file, 'utf8')) as never,
  bodySerializer: (body) => body,
  headers: { 'Content-Type': 'application/x-ndjson', 'Idempotency-Key': randomUUID() },
});
if (submitted.data === undefined) throw new Error(`import refused: ${JSON.stringify(submitted.error)}`);

const ended = await followJob(conduit, submitted.data.job.id, {
  onProgress: (job) => process.stderr.write(`${job.status} ${job.processed}/${job.total}\n`),
});
process.stdout.write(`${JSON.stringify(ended)}\n`);
