/** The parts of the OpenAPI document that are not derived from the routes. */
export const openApiDocumentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Conduit API',
    version: '1.0.0',
    description:
      'The RealWorld ("Conduit") API. Every error is one body: RFC 9457 problem details with a ' +
      'stable `code` and the `requestId`, and the RealWorld `errors` map with readable messages. ' +
      "It is `application/json`, or `application/problem+json` when the request's `Accept` asks for it.\n\n" +
      'One deployment hosts many publications (tenants), each with its own users, articles, tags and ' +
      "jobs. A request's publication is the one its `Host` header is mapped to (an exact host name, " +
      'or a `*.domain` wildcard); a host no publication is mapped to is served by the default one, or ' +
      'refused with 421 where the deployment says so. A token is valid only at the publication that ' +
      'issued it (401 elsewhere).',
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
