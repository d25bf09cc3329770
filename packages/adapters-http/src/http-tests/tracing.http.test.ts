import { describe, expect, it } from 'vitest';
import { createHttpTestHarness, expectProblem } from '../testing/http-test-harness.js';

const SERVER_TIMING = /^db;dur=\d+\.\d, total;dur=\d+\.\d$/;

describe('trace context', () => {
  it('continues a valid W3C traceparent: its trace id is on every log line of the request', async () => {
    const http = createHttpTestHarness();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await http.call('GET', '/api/tags', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    const lines = http.logger.lines.filter((line) => line.msg === 'request completed');
    expect(lines.at(-1)).toMatchObject({ traceId, spanId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(lines.at(-1)?.spanId).not.toBe('00f067aa0ba902b7');
  });

  it('starts a new trace for a missing or invalid traceparent', async () => {
    const http = createHttpTestHarness();
    for (const header of [undefined, 'garbage', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, `ff-${'a'.repeat(32)}-00f067aa0ba902b7-01`]) {
      await http.call('GET', '/api/tags', { headers: header ? { traceparent: header } : {} });
      const line = http.logger.lines.filter((entry) => entry.msg === 'request completed').at(-1);
      expect(line?.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(line?.traceId).not.toBe('0'.repeat(32));
      expect(line?.traceId).not.toBe('a'.repeat(32));
    }
  });
});

describe('Server-Timing', () => {
  it('is on JSON, empty and problem answers, with the database time the adapters reported', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    const original = http.memory.queries.tags.all;
    http.memory.queries.tags.all = async () => {
      http.scope.current().progress.databaseMs += 12.5;
      return original();
    };
    const tags = await http.call('GET', '/api/tags');
    expect(tags.headers.get('Server-Timing')).toMatch(/^db;dur=12\.5, total;dur=\d+\.\d$/);
    expect((await http.call('DELETE', `/api/articles/${slug}`, { token })).headers.get('Server-Timing')).toMatch(SERVER_TIMING);
    const problem = await http.call('GET', '/api/articles/missing');
    expectProblem(problem, 404, 'ARTICLE_NOT_FOUND');
    expect(problem.headers.get('Server-Timing')).toMatch(SERVER_TIMING);
  });
});
