import type { HttpLogger } from './http-logger.js';

/**
 * A child logger made on first use. Most requests log only their access line, which carries the
 * same fields itself: they never pay for building a child logger.
 */
export const lazyChildLogger = (parent: HttpLogger, bindings: Record<string, unknown>): HttpLogger => {
  let child: HttpLogger | undefined;
  const get = () => {
    child ??= parent.child(bindings);
    return child;
  };
  return {
    info: (object, message) => get().info(object, message),
    warn: (object, message) => get().warn(object, message),
    error: (object, message) => get().error(object, message),
    child: (more) => get().child(more),
  };
};
