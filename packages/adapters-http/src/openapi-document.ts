/** The parts of the OpenAPI document that are not derived from the routes. */
export const openApiDocumentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Conduit API',
    version: '1.0.0',
    description:
      'The RealWorld ("Conduit") API. Every error is one body: RFC 9457 problem details with a ' +
      'stable `code` and the `requestId`, and the RealWorld `errors` map with readable messages. ' +
      "It is `application/json`, or `application/problem+json` when the request's `Accept` asks for it.",
  },
  tags: [
    { name: 'User and Authentication' },
    { name: 'Profile' },
    { name: 'Articles' },
    { name: 'Favorites' },
    { name: 'Comments' },
    { name: 'Tags' },
  ],
};

export const tokenSecurityScheme = {
  type: 'apiKey' as const,
  in: 'header' as const,
  name: 'Authorization',
  description: 'Send `Token <jwt>` (RealWorld clients) or `Bearer <jwt>`.',
};
