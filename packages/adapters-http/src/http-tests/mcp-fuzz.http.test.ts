import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHttpTestHarness } from '../testing/http-test-harness.js';
import { argumentsFor } from '../testing/tool-arguments-arbitrary.js';

describe('MCP tools under generated bad input', () => {
  it('answer every call with the tool’s result, a problem below 500 or an invalid-params error, and keep serving', async () => {
    const http = createHttpTestHarness();
    const token = await http.register('fuzzer');
    await http.createArticle(token);
    const agent = await http.mcp(token);
    const { tools } = await agent.client.listTools();
    const failures: string[] = [];
    const outcomes = { results: 0, problems: 0, invalidParams: 0, tooLarge: 0 };
    for (const tool of tools) {
      await fc.assert(
        fc.asyncProperty(argumentsFor(tool.inputSchema), async (args) => {
          try {
            const answer = await agent.call(tool.name, args as Record<string, unknown>);
            if (answer.ok) outcomes.results += 1;
            else {
              outcomes.problems += 1;
              expect(answer.body, tool.name).toMatchObject({ code: expect.any(String), errors: expect.any(Object) });
              expect(answer.body.status, `${tool.name} ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500);
            }
          } catch (error) {
            // A request larger than the body limit is refused at the door (413, in the problem shape).
            if (error instanceof StreamableHTTPError && error.code === 413) return void (outcomes.tooLarge += 1);
            // Arguments that are not an object at all are refused by the protocol layer.
            expect(error instanceof McpError && error.code === -32602, String(error).slice(0, 300)).toBe(true);
            outcomes.invalidParams += 1;
          }
        }),
        // Counterexamples hold 100,000-character texts: reported by their path, not printed.
        {
          numRuns: 40,
          verbose: 0,
          reporter: (run) => void (run.failed && failures.push(`${tool.name}: ${String(run.errorInstance).slice(0, 500)}`)),
        },
      );
    }
    expect(failures).toEqual([]);
    console.info(`[mcp fuzz] ${tools.length} tools: ${JSON.stringify(outcomes)}`);
    expect(outcomes.problems).toBeGreaterThan(tools.length);
    expect(http.logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect((await agent.client.listTools()).tools.length).toBe(tools.length);
  });
});
