/** An OpenAPI content entry for a JSON request or response body. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
