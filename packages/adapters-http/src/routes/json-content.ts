/** An OpenAPI content entry for a JSON request or response body. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** Passed to every c.json(): Hono's default omits the charset, which clients expect. */
export const JSON_UTF8 = { 'Content-Type': 'application/json; charset=utf-8' } as const;
