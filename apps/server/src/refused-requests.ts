import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { renderProblem } from '@conduit/adapters-http';
import type { Logger } from '@conduit/composition';
import { closeLingering } from './lingering-close.js';

/**
 * Requests refused before the application sees them (by Node's parser, or here, for what Node
 * would answer bare or not at all) still get the one error shape, a request id and a log line.
 */
type RefusedRequest = {
  status: 400 | 405 | 408 | 413 | 431;
  reason: string;
  code: string;
  title: string;
  detail: string;
  errors: Record<string, string[]>;
  headers?: Record<string, string>;
};

const badRequest = (detail: string, errors: Record<string, string[]>): RefusedRequest => ({
  status: 400,
  reason: 'Bad Request',
  code: 'BAD_REQUEST',
  title: 'Bad request',
  detail,
  errors,
});

/** Node's parser errors; the issue tracker asks for 413 on an unparseable Content-Length, as for any body we will not read. */
const parserProblem = (code: string | undefined): RefusedRequest => {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        reason: 'Request Header Fields Too Large',
        code: 'HEADERS_TOO_LARGE',
        title: 'Request headers too large',
        detail: 'The request headers exceed the server limit.',
        errors: { headers: ['are too large'] },
      };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return {
        status: 413,
        reason: 'Payload Too Large',
        code: 'PAYLOAD_TOO_LARGE',
        title: 'Payload too large',
        detail: 'The request body length is invalid or too large.',
        errors: { body: ['has an invalid or too large length'] },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        reason: 'Request Timeout',
        code: 'REQUEST_TIMEOUT',
        title: 'Request timeout',
        detail: 'The request was not received in time.',
        errors: { request: ['was not received in time'] },
      };
    default:
      return badRequest('The request is not valid HTTP.', { request: ['is not valid HTTP'] });
  }
};

const missingHost = badRequest('An HTTP/1.1 request must name its host, once.', { host: ['is missing or repeated'] });

/** No route is reached by CONNECT: this is no proxy. */
const connectRefused: RefusedRequest = {
  status: 405,
  reason: 'Method Not Allowed',
  code: 'METHOD_NOT_ALLOWED',
  title: 'Method not allowed',
  detail: 'This server is not a proxy; CONNECT reaches no operation.',
  errors: { method: ['is not allowed here; use GET, POST, PUT, DELETE, HEAD or OPTIONS'] },
  headers: { Allow: 'GET, POST, PUT, DELETE, HEAD, OPTIONS' },
};

/** The answer as bytes on a socket Node has given up on: always the last one on the connection. */
const rawAnswer = (problem: RefusedRequest, instance: string, requestId: string): string => {
  const body = JSON.stringify(renderProblem(problem, instance, requestId));
  const headers = { ...problem.headers, 'X-Request-Id': requestId };
  return (
    `HTTP/1.1 ${problem.status} ${problem.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n${Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')}Connection: close\r\n\r\n${body}`
  );
};

/** Sockets answered and lingering: the parser fails again on each later chunk, which is no news. */
const refused = new WeakSet<Duplex>();

/** Answers and closes lingering: the client may still be sending (the body after headers too large, say). */
const refuseOnSocket = (logger: Logger, socket: Duplex, problem: RefusedRequest, instance: string, cause?: string) => {
  refused.add(socket);
  const requestId = randomUUID();
  logger.warn({ requestId, code: cause ?? problem.code, status: problem.status }, 'refused malformed request');
  closeLingering(socket, rawAnswer(problem, instance, requestId));
};

/** Node's `clientError`: the request could not be parsed (or arrived too slowly). */
export const answerClientError = (logger: Logger) => (error: NodeJS.ErrnoException, socket: Duplex) => {
  if (refused.has(socket)) return;
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  refuseOnSocket(logger, socket, parserProblem(error.code), '/', error.code);
};

/** Node's `connect`: without a listener it drops the connection without a word. */
export const answerConnect = (logger: Logger) => (request: IncomingMessage, socket: Duplex) => {
  socket.on('error', () => socket.destroy());
  refuseOnSocket(logger, socket, connectRefused, request.url ?? '/');
};

const unservedTarget = badRequest('The request target must be a path (as /api/articles) or an absolute URL.', {
  target: ['is not a path this server serves'],
});

/** A refusal answered through Node's response, on a request it parsed: the one error shape, and the connection closed. */
const refuseOnResponse = (logger: Logger, request: IncomingMessage, response: ServerResponse, problem: RefusedRequest, code: string) => {
  const requestId = randomUUID();
  logger.warn({ requestId, code, status: problem.status }, 'refused malformed request');
  const body = JSON.stringify(renderProblem(problem, request.url?.startsWith('/') ? request.url : '/', requestId));
  response.writeHead(problem.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Request-Id': requestId,
    Connection: 'close',
  });
  response.end(body);
};

/** A target Hono cannot make a URL of: the asterisk form (`OPTIONS *`), or anything else that is neither a path nor a URL. */
const servedTarget = (url: string | undefined): boolean => url !== undefined && (url.startsWith('/') || URL.canParse(url));

/**
 * Requests Node parses but the application must not see: HTTP/1.1 without exactly one `Host`
 * (RFC 9112 §3.2: 400; Node refuses a missing one itself, with a bodiless 400, when its
 * `requireHostHeader` is on, so it is turned off and this answers instead), and a request target
 * that is no path (`OPTIONS * HTTP/1.1` asks about the server as a whole, which serves no such
 * operation; Hono's adapter answered it a bare 400). True when answered.
 */
export const refusedBeforeRouting = (logger: Logger, request: IncomingMessage, response: ServerResponse): boolean => {
  const hosts = request.headersDistinct.host?.length ?? 0;
  if (hosts > 1 || (hosts === 0 && request.httpVersion === '1.1')) {
    refuseOnResponse(logger, request, response, missingHost, 'MISSING_HOST');
    return true;
  }
  if (!servedTarget(request.url)) {
    refuseOnResponse(logger, request, response, unservedTarget, 'BAD_REQUEST_TARGET');
    return true;
  }
  return false;
};
