import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';

describe('/metrics', () => {
  it('exposes request durations by route template and status, in-flight requests and event-loop delay', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('jake');
    const { slug } = await http.createArticle(token);
    await http.call('GET', `/api/articles/${slug}`);
    await http.call('GET', '/api/articles/missing');
    const response = await http.raw('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/articles/:slug",status="200"}');
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/articles\/:slug",status="404"\} 1/);
    expect(text).not.toContain(`route="/api/articles/${slug}"`);
    expect(text).toMatch(/http_requests_in_flight \d/);
    expect(text).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('needs no user authentication', async () => {
    const http = createHttpTestHarness();
    expect((await http.raw('GET', '/metrics', { headers: { Authorization: 'Token garbage' } })).status).toBe(200);
  });
});
