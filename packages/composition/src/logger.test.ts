import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('logs', () => {
  it('never contain passwords, tokens or Authorization values, wherever they appear', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_PRETTY: false }, sink).child({ requestId: 'r1' });
    logger.info({
      password: 'hunter2-secret',
      token: 'jwt-secret-token',
      authorization: 'Token abc-secret',
      headers: { authorization: 'Token header-secret' },
      user: { email: 'a@b.c', password: 'nested-secret', token: 'nested-token-secret' },
      body: { user: { password: 'body-secret', token: 'body-token-secret' } },
      req: { headers: { authorization: 'Token req-secret' } },
    });
    const output = lines.join('');
    expect(output).not.toMatch(/secret/);
    expect(output).toContain('[redacted]');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ requestId: 'r1', user: { email: 'a@b.c' } });
  });
});
