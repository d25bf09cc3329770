import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../create-http-app.js';
import { MCP_TOOLS } from '../mcp/mcp-tools.js';
import { DECLARED_OPERATIONS } from './declared-operations.js';
import type { AnyOperation } from './operation.js';

type Document = { paths: Record<string, Record<string, { operationId: string; 'x-auth-mode': string }>> };

const isOperation = (value: unknown): value is AnyOperation =>
  typeof value === 'object' && value !== null && 'http' in value && 'run' in value && 'present' in value;

/** Every operation some module of this folder declares, whether or not the list names it. */
const everyDeclaredOperation = async (): Promise<AnyOperation[]> => {
  const modules = readdirSync(new URL('.', import.meta.url)).filter((name) => /-operations\.[jt]s$/.test(name) && !name.includes('.test.'));
  const found = new Set<AnyOperation>();
  for (const name of modules) {
    const exported: Record<string, unknown> = await import(new URL(name, import.meta.url).href);
    for (const value of Object.values(exported)) {
      for (const one of Array.isArray(value) ? value : [value]) if (isOperation(one)) found.add(one);
    }
  }
  return [...found];
};

describe('the declared operations', () => {
  it('are each in the one list the routes and tools are made from', async () => {
    const declared = await everyDeclaredOperation();
    expect(declared.length).toBeGreaterThan(20);
    const missing = declared.filter((operation) => !DECLARED_OPERATIONS.includes(operation)).map((operation) => operation.http.operationId);
    expect(missing).toEqual([]);
  });

  it('are each served and documented at their method and path, with their auth mode', () => {
    const { paths } = openApiDocument() as Document;
    for (const { http, auth } of DECLARED_OPERATIONS) {
      const entry = paths[`/api${http.path}`]?.[http.method];
      expect(entry?.operationId, `${http.method} ${http.path}`).toBe(http.operationId);
      expect(entry?.['x-auth-mode']).toBe(auth);
    }
  });

  it('give each tool but the import, open to whom the route is open, a write taking a key', () => {
    const derived = DECLARED_OPERATIONS.filter((operation) => operation.mcp);
    expect(MCP_TOOLS.map((tool) => tool.name).sort()).toEqual(
      [...derived.map((operation) => operation.mcp?.name), 'start_article_import'].sort(),
    );
    for (const operation of derived) {
      const tool = MCP_TOOLS.find(({ name }) => name === operation.mcp?.name);
      expect(tool?.access, tool?.name).toBe(operation.auth === 'required' ? 'signed-in' : 'anyone');
      expect(tool?.keyed, tool?.name).toBe(operation.http.method !== 'get');
    }
  });
});
