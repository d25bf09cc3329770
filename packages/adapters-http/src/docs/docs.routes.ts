import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';

const BUNDLE_PATH = '/docs/scalar.js';

/** Scalar's single-file browser bundle, from the installed package: clients may have no internet. */
const bundleFile = () => join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser', 'standalone.js');

/**
 * The interactive API reference at `/docs`, rendered from the served OpenAPI document. Everything it
 * loads comes from this server: the bundle, no web fonts, no telemetry; nothing on it offers a hosted
 * service (AI agent, MCP, the hosted client, developer tools). Its code samples name this server, as
 * the browser reached it, and the `Token` scheme RealWorld clients use.
 */
export const docsRouter = (openApiPath: string) => {
  let bundle: Promise<Buffer> | undefined;
  const page = (origin: string) =>
    Scalar({
      url: openApiPath,
      cdn: BUNDLE_PATH,
      pageTitle: 'Conduit API reference',
      withDefaultFonts: false,
      telemetry: false,
      servers: [{ url: origin, description: 'This server' }],
      authentication: { preferredSecurityScheme: 'Token', securitySchemes: { Token: { value: 'Token YOUR_JWT' } } },
      hideClientButton: true,
      showDeveloperTools: 'never',
      agent: { disabled: true },
      mcp: { disabled: true },
    });
  return new Hono()
    .get('/docs', (c, next) => page(new URL(c.req.url).origin)(c, next))
    .get(BUNDLE_PATH, async (c) => {
      bundle ??= readFile(bundleFile());
      return c.body(new Uint8Array(await bundle), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=86400',
      });
    });
};
