import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { routeBulkheads } from './route-bulkheads.js';

/** A route whose requests wait until released, and one that answers at once. */
const appWithGate = (perRoute: number, maxWaitMs: number) => {
  const gates: (() => void)[] = [];
  const app = new Hono()
    .use('*', routeBulkheads({ perRoute, maxWaitMs }))
    .get('/slow/:id', async (c) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return c.text(c.req.param('id'));
    })
    .get('/fast', (c) => c.text('fast'));
  return { app, gates };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('routeBulkheads', () => {
  it('runs at most perRoute requests of one operation; others wait in order; other operations are not held up', async () => {
    const { app, gates } = appWithGate(2, 1000);
    const answers = [1, 2, 3, 4].map(async (id) => (await app.request(`/slow/${id}`)).text());
    await settle();
    expect(gates).toHaveLength(2);
    expect(await (await app.request('/fast')).text()).toBe('fast');
    gates.shift()?.();
    await settle();
    expect(gates).toHaveLength(2);
    while (gates.length > 0) {
      gates.shift()?.();
      await settle();
    }
    expect(await Promise.all(answers)).toEqual(['1', '2', '3', '4']);
  });

  it('answers 503 with Retry-After to a request that waited longer than maxWaitMs, and forgets it', async () => {
    const { app, gates } = appWithGate(1, 50);
    const first = app.request('/slow/1');
    await settle();
    const refused = await app.request('/slow/2');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('1');
    gates.shift()?.();
    expect(await (await first).text()).toBe('1');
    const again = app.request('/slow/3');
    await settle();
    expect(gates).toHaveLength(1);
    gates.shift()?.();
    expect((await again).status).toBe(200);
  });
});
