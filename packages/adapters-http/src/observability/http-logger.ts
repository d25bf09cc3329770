/** The subset of a pino logger this adapter uses; any structured logger with this shape fits. */
export interface HttpLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): HttpLogger;
}
