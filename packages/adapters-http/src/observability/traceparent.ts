import { randomUUID } from 'node:crypto';

export type TraceContext = { readonly traceId: string; readonly spanId: string };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Random hex from `randomUUID`, which Node serves from a pre-filled entropy cache: a trace costs no
 * random-number call of its own on the request path. (122 random bits per UUID.)
 */
const randomHex = (length: 16 | 32): string => {
  const hex = randomUUID().replaceAll('-', '');
  return length === 32 ? hex : hex.slice(16);
};

/**
 * W3C Trace Context: continue the caller's trace when its `traceparent` is valid (version not ff,
 * ids not all zero), otherwise start a new one. This request is a new span either way.
 */
export const continueTrace = (header: string | undefined): TraceContext => {
  const [, version, traceId, parentId] = (header === undefined ? null : TRACEPARENT.exec(header.trim().toLowerCase())) ?? [];
  const spanId = randomHex(16);
  if (version !== 'ff' && traceId !== undefined && parentId !== undefined && !/^0+$/.test(traceId) && !/^0+$/.test(parentId)) {
    return { traceId, spanId };
  }
  return { traceId: randomHex(32), spanId };
};
