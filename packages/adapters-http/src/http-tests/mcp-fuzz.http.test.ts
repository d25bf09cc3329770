import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';
import { fuzzTools } from '../testing/tool-arguments-arbitrary.js';

describe('MCP tools under generated bad input', () => {
  it('answer every call with the tool’s result, a problem below 500 or an invalid-params error, and keep serving', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('fuzzer');
    await http.createArticle(token);
    const agent = await http.mcp(token);
    const { counts, failures } = await fuzzTools(agent, 40);
    expect(failures).toEqual([]);
    console.info(`[mcp fuzz] ${JSON.stringify(counts)}`);
    expect(counts.problems).toBeGreaterThan(100);
    expect(http.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect((await agent.client.listTools()).tools).toHaveLength(18);
  });
});
