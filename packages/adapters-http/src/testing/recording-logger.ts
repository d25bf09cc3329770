import type { HttpLogger } from '../observability/http-logger.js';

export type LogLine = Record<string, unknown> & { msg?: string };

/** Keeps every line in memory so tests can assert what operators would see. */
export class RecordingLogger implements HttpLogger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  info(object: object, message?: string): void {
    this.lines.push({ level: 'info', ...this.bindings, ...object, msg: message });
  }

  warn(object: object, message?: string): void {
    this.lines.push({ level: 'warn', ...this.bindings, ...object, msg: message });
  }

  error(object: object, message?: string): void {
    this.lines.push({ level: 'error', ...this.bindings, ...object, msg: message });
  }

  child(bindings: Record<string, unknown>): HttpLogger {
    return new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
  }
}
