import type { UseCases } from '@conduit/app';
import type { TokenVerifier } from '@conduit/domain';

/** The subset of a pino logger this adapter uses; any structured logger with this shape fits. */
export interface HttpLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): HttpLogger;
}

export type HttpConfig = {
  /** Origins allowed by CORS; `['*']` allows any origin (without credentials). */
  readonly corsOrigins: readonly string[];
  /** Largest accepted request body, in bytes. */
  readonly bodyLimitBytes: number;
};

export type HttpDeps = {
  readonly useCases: UseCases;
  readonly tokenVerifier: TokenVerifier;
  readonly logger: HttpLogger;
  readonly config: HttpConfig;
};
