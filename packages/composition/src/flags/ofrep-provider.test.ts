import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TENANT, type ScopedWork, StoredRequestScope, type Tenant, tenantId, userActor, userId } from '@conduit/domain';
import { OFREPProvider } from '@openfeature/ofrep-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { systemClock } from '../system-clock.js';
import { startFlags } from './start-flags.js';

/**
 * Another provider configured instead of Conduit's (FLAG_OFREP_URL): a flag service speaking the
 * OpenFeature Remote Evaluation Protocol, here a small one the test runs. It closes comments at the
 * publication `acme` for users with the role `user`, as a targeting rule on Conduit's context would.
 */
const asked: Record<string, unknown>[] = [];
const service = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on('end', () => {
    const key = /\/ofrep\/v1\/evaluate\/flags\/([\w-]+)$/.exec(request.url ?? '')?.[1] ?? '';
    const { context } = JSON.parse(body) as { context: Record<string, unknown> };
    asked.push({ key, ...context });
    const closed = key === 'comments' && context.tenant === 'acme' && context.role === 'user';
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ key, value: !closed, reason: closed ? 'TARGETING_MATCH' : 'DEFAULT', variant: closed ? 'off' : 'on' }));
  });
});
let baseUrl: string;
beforeAll(async () => {
  service.listen(0, '127.0.0.1');
  await once(service, 'listening');
  baseUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(() => {
  service.close();
});

describe('flags from an OFREP flag service instead of Conduit’s store', () => {
  it('asks it with the publication, the user id and role, and answers what it says', async () => {
    const scope = new StoredRequestScope(new AsyncLocalStorage<ScopedWork>());
    const flags = startFlags({
      scope,
      clock: systemClock,
      logger: createLogger({ LOG_LEVEL: 'silent' } as never),
      settings: () => Promise.reject(new Error('Conduit’s store is not asked')),
      tenantById: async () => null,
      defaults: { registration: true, comments: true, imports: true, 'account-export': true, mcp: true, 'mcp-writes': true },
      refreshMs: 60_000,
      provider: new OFREPProvider({ baseUrl }),
    });
    const acme: Tenant = { id: tenantId(2), slug: 'acme' };
    const ask = (tenant: Tenant, role: 'user' | 'admin') =>
      scope.run({ tenant }, () => flags.features.for(userActor(userId(42), role)).enabled('comments', { article: 'hello' }));
    expect(await ask(acme, 'user')).toBe(false);
    expect(await ask(acme, 'admin')).toBe(true);
    expect(await ask(DEFAULT_TENANT, 'user')).toBe(true);
    expect(asked[0]).toEqual({ key: 'comments', targetingKey: '42', role: 'user', tenantId: 2, tenant: 'acme', article: 'hello' });
  });
});
