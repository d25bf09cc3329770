import type { LogContext, Logger, LoggerNamespace } from '@mikro-orm/core';

export type StatementHook = (sql: string, durationMs: number) => void;

/**
 * MikroORM reports every statement it runs (with its duration) to its logger: this one hands
 * them to a hook (database time per request, statement counts in tests) and logs nothing itself.
 */
export class StatementHookLogger implements Logger {
  constructor(private readonly onStatement: StatementHook) {}

  logQuery(context: LogContext): void {
    if (context.query !== undefined) this.onStatement(context.query, context.took ?? 0);
  }

  log(_namespace: LoggerNamespace | string, _message: string): void {}
  error(_namespace: LoggerNamespace | string, _message: string): void {}
  warn(_namespace: LoggerNamespace | string, _message: string): void {}
  setDebugMode(): void {}
  isEnabled(namespace: LoggerNamespace): boolean {
    return namespace === 'query';
  }
}
