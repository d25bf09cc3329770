import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';

const BUNDLE_PATH = '/docs/scalar.js';

/** Scalar's single-file browser bundle, from the installed package: clients may have no internet. */
const bundleFile = () =>
  join(dirname(createRequire(import.meta.url).resolve('@scalar/api-reference')), 'browser', 'standalone.js');

/**
 * The interactive API reference at `/docs`, rendered from the served OpenAPI document. Everything it
 * loads comes from this server: the bundle, no web fonts, no telemetry.
 */
export const docsRouter = (openApiPath: string) => {
  let bundle: Promise<Buffer> | undefined;
  return new Hono()
    .get(
      '/docs',
      Scalar({
        url: openApiPath,
        cdn: BUNDLE_PATH,
        pageTitle: 'Conduit API reference',
        withDefaultFonts: false,
        telemetry: false,
      }),
    )
    .get(BUNDLE_PATH, async (c) => {
      bundle ??= readFile(bundleFile());
      return c.body(new Uint8Array(await bundle), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=86400',
      });
    });
};
