import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { serializeError } from './log-errors.js';
import { createLogger } from './logger.js';

/** An error as node-postgres throws it: its own fields, and the client it came through hung on it. */
const driverError = () => {
  const socket = { _readableState: { buffer: [] }, remoteAddress: '127.0.0.1' };
  return Object.assign(new Error('terminating connection due to administrator command'), {
    name: 'error',
    code: '57P01',
    severity: 'FATAL',
    length: 116,
    client: { connectionParameters: { user: 'conduit_app', password: 'secret', database: 'conduit' }, connection: { stream: socket } },
    socket,
  });
};

describe('errors in log lines', () => {
  it('keeps the message, code and the error’s own plain fields, and drops the driver’s objects', () => {
    const logged = serializeError(driverError()) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'Error', message: 'terminating connection due to administrator command', code: '57P01' });
    expect(logged.severity).toBe('FATAL');
    expect(typeof logged.stack).toBe('string');
    expect(Object.keys(logged).sort()).toEqual(['code', 'length', 'message', 'name', 'severity', 'stack', 'type']);
  });

  it('withholds a statement and its values, and follows the cause', () => {
    const failed = Object.assign(new Error('insert failed', { cause: driverError() }), {
      sql: "insert into users (email) values ('jake@example.com')",
      params: ['jake@example.com'],
      constraint: 'users_tenant_email_unique',
    });
    const logged = serializeError(failed) as Record<string, unknown>;
    expect(logged.constraint).toBe('users_tenant_email_unique');
    expect(JSON.stringify(logged)).not.toContain('jake@example.com');
    expect(logged.cause).toMatchObject({ code: '57P01' });
    expect(JSON.stringify(logged.cause)).not.toContain('connectionParameters');
  });

  it('goes through every logger line that carries an error, however it is named', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false }, stream);
    logger.child({ component: 'jobs' }).warn({ err: driverError() }, 'job queue: database unavailable');
    logger.error({ error: driverError() }, 'failed');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain('57P01');
      expect(line).not.toContain('connectionParameters');
      expect(line).not.toContain('secret');
      expect(line.length).toBeLessThan(2_000);
    }
  });
});
