import { articleTools } from './article-tools.js';
import { communityTools } from './community-tools.js';
import { jobTools, tagTools } from './job-tools.js';
import type { McpTool } from './mcp-tool.js';

/** Every tool, in the order an agent reads them. */
export const MCP_TOOLS: readonly McpTool[] = [...articleTools, ...communityTools, ...tagTools, ...jobTools];

/** By name, in a Map: a name from the client (`__proto__`, `constructor`) can only miss. */
export const toolsByName: ReadonlyMap<string, McpTool> = new Map(MCP_TOOLS.map((tool) => [tool.name, tool]));
