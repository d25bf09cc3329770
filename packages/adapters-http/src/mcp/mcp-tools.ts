import { DECLARED_OPERATIONS } from '../operations/declared-operations.js';
import { toolsOf } from '../operations/mcp-operation.js';
import { importTool } from './import-tool.js';
import type { McpTool } from './mcp-tool.js';

/** Every tool: each declared operation's that has one, and the import, written by hand. */
export const MCP_TOOLS: readonly McpTool[] = [...toolsOf(DECLARED_OPERATIONS), importTool];

/** By name, in a Map: a name from the client (`__proto__`, `constructor`) can only miss. */
export const toolsByName: ReadonlyMap<string, McpTool> = new Map(MCP_TOOLS.map((tool) => [tool.name, tool]));
