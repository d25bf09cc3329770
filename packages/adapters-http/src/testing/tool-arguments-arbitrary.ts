import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import fc from 'fast-check';
import type { McpConnection } from './mcp-test-client.js';

/** The part of a JSON schema the generator reads. */
type JsonSchema = {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly maximum?: number;
};

/** Values no rule accepts anywhere: wrong types, text PostgreSQL cannot store, keys that name prototypes. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a\u0000b', '\uD800', '   ', '', '\u202Ename'),
  fc.constant(JSON.parse('{"__proto__": {"role": "admin"}, "constructor": {"prototype": {}}}')),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/**
 * Arguments near and beyond every edge a tool's input schema states: lengths one past the limit,
 * numbers out of range, lists one too long, wrong types, missing and unknown fields. Built from
 * the schema the server lists, so a new tool or a changed limit is covered as it is.
 */
export const argumentsFor = (schema: JsonSchema): fc.Arbitrary<unknown> => {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(argumentsFor), garbage);
  if (schema.allOf?.[0]) return argumentsFor({ ...schema, ...schema.allOf[0], allOf: undefined });
  switch (schema.type) {
    case 'string': {
      const max = schema.maxLength ?? 300;
      return fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(max)), fc.constant('x'.repeat(max + 1)), garbage);
    }
    case 'number':
    case 'integer':
      return fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constant((schema.maximum ?? 2 ** 31) + 1), fc.double(), garbage);
    case 'array': {
      const item = schema.items ? argumentsFor(schema.items) : garbage;
      return fc.oneof(
        fc.array(item, { maxLength: 3 }),
        fc.array(item, { minLength: (schema.maxItems ?? 3) + 1, maxLength: (schema.maxItems ?? 3) + 1 }),
        garbage,
      );
    }
    case 'object': {
      const fields = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, field]) => [name, argumentsFor(field)]));
      return fc.oneof(
        { weight: 6, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'unknown'), garbage),
        garbage,
      );
    }
    default:
      return garbage;
  }
};

/** What generated bad input got: the tool's result, its problem, a JSON-RPC error, or 413 at the door. */
export type FuzzCounts = { results: number; problems: number; invalidParams: number; tooLarge: number };

/**
 * Calls every tool the connection lists with arguments made from its own schema. Each answer must
 * be a result, a problem below 500 with a code and field errors, an invalid-params error, or the
 * 413 of a body over the limit: the failures name the tool and what came back instead.
 */
export const fuzzTools = async (connection: McpConnection, numRuns: number): Promise<{ counts: FuzzCounts; failures: string[] }> => {
  const counts: FuzzCounts = { results: 0, problems: 0, invalidParams: 0, tooLarge: 0 };
  const failures: string[] = [];
  for (const tool of (await connection.client.listTools()).tools) {
    await fc.assert(
      fc.asyncProperty(argumentsFor(tool.inputSchema), async (args) => {
        try {
          const answer = await connection.call(tool.name, args as Record<string, unknown>);
          if (answer.ok) {
            counts.results += 1;
            return;
          }
          counts.problems += 1;
          const { status, code, errors } = answer.body;
          if (typeof status !== 'number' || status >= 500 || typeof code !== 'string' || typeof errors !== 'object') {
            throw new Error(`not a problem below 500: ${JSON.stringify(answer.body).slice(0, 300)}`);
          }
        } catch (error) {
          if (error instanceof StreamableHTTPError && error.code === 413) counts.tooLarge += 1;
          // Arguments that are not an object at all are refused by the protocol layer.
          else if (error instanceof McpError && error.code === ErrorCode.InvalidParams) counts.invalidParams += 1;
          else throw error;
        }
      }),
      // Counterexamples hold 100,000-character texts: reported shortened, not printed whole.
      { numRuns, reporter: (run) => void (run.failed && failures.push(`${tool.name}: ${String(run.errorInstance).slice(0, 500)}`)) },
    );
  }
  return { counts, failures };
};
