import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { describe, expect, it } from 'vitest';
import { serverForThisFile } from './testing/spawn-server.js';

/** The official RealWorld API test collection, copied verbatim from the RealWorld repository (MIT). */
const COLLECTION = fileURLToPath(new URL('../../../test/realworld/Conduit.postman_collection.json', import.meta.url));

const target = serverForThisFile({ LOG_LEVEL: 'info' });

type Summary = {
  run: {
    stats: Record<string, { total: number; failed: number }>;
    failures: { error: { test?: string; message: string }; source?: { name?: string } }[];
  };
};

describe('the official RealWorld Postman collection (newman) against the built server', () => {
  it('passes every assertion', async () => {
    const suffix = randomBytes(4).toString('hex');
    const summary = await new Promise<Summary>((resolve, reject) =>
      newman.run(
        {
          collection: COLLECTION,
          envVar: [
            { key: 'APIURL', value: `${target.server.baseUrl}/api` },
            { key: 'USERNAME', value: `u${suffix}` },
            { key: 'EMAIL', value: `u${suffix}@example.com` },
            { key: 'PASSWORD', value: 'password123' },
          ],
          delayRequest: 0,
          timeoutRequest: 60_000,
        },
        (error, result) => (error ? reject(error) : resolve(result as unknown as Summary)),
      ),
    );
    const { requests, assertions } = summary.run.stats;
    const failures = summary.run.failures.map((failure) => `${failure.source?.name}: ${failure.error.test ?? ''} ${failure.error.message}`);
    console.info(`[postman] ${requests?.total} requests, ${assertions?.total} assertions, ${assertions?.failed} failed`);
    expect(failures).toEqual([]);
    expect(assertions?.total).toBeGreaterThan(100);
  });
});
