import { randomBytes } from 'node:crypto';

export type TraceContext = { readonly traceId: string; readonly spanId: string; readonly sampled: boolean };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * W3C Trace Context: continue the caller's trace when its `traceparent` is valid (version not ff,
 * ids not all zero), otherwise start a new one. This request is a new span either way.
 */
export const continueTrace = (header: string | undefined): TraceContext => {
  const match = header === undefined ? null : TRACEPARENT.exec(header.trim().toLowerCase());
  const spanId = randomBytes(8).toString('hex');
  if (match && match[1] !== 'ff' && !/^0+$/.test(match[2] as string) && !/^0+$/.test(match[3] as string)) {
    return { traceId: match[2] as string, spanId, sampled: (Number.parseInt(match[4] as string, 16) & 1) === 1 };
  }
  return { traceId: randomBytes(16).toString('hex'), spanId, sampled: false };
};

export const formatTraceparent = (trace: TraceContext): string =>
  `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
