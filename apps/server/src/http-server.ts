import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { HttpApp } from '@conduit/adapters-http';
import type { Config, Logger } from '@conduit/composition';
import { serve } from '@hono/node-server';
import { lingerWhenClosing } from './lingering-close.js';
import { answerClientError, answerConnect, refusedBeforeRouting } from './refused-requests.js';

const TIMEOUT_CHECK_INTERVAL_MS = 250;

/** Node's HTTP server with every timeout set on purpose (see the configuration table). */
export const startHttpServer = (app: HttpApp, config: Config, logger: Logger, onListening: (port: number) => void): Server => {
  const server = serve(
    {
      fetch: app.fetch,
      hostname: config.HOST,
      port: config.PORT,
      serverOptions: {
        headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        maxHeaderSize: config.HTTP_MAX_HEADER_BYTES,
        // Node checks the two timeouts above only this often (30 s by default), so a slowloris
        // would outlive HTTP_HEADERS_TIMEOUT_MS by up to half a minute.
        connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
        // Answered by refusedBeforeRouting, in the error shape, instead of Node's bare 400.
        requireHostHeader: false,
      },
      createServer: ((options: ServerOptions, listener: RequestListener) =>
        createServer(options, (request, response) => {
          if (!refusedBeforeRouting(logger, request, response)) listener(request, response);
        })) as typeof createServer,
    },
    (info) => onListening(info.port),
  ) as Server;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError(logger));
  server.on('connect', answerConnect(logger));
  lingerWhenClosing(server);
  return server;
};
