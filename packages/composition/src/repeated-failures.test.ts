import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from './logger.js';
import { reportRepeatedFailures } from './repeated-failures.js';

type Line = { level: string; fields: Record<string, unknown>; message: string };

/** A logger that keeps its lines: a fake, not a mock. */
const recordingLogger = () => {
  const lines: Line[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => lines.push({ level, fields, message });
  return { lines, logger: { warn: at('warn'), error: at('error') } as unknown as Logger };
};

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('reportRepeatedFailures', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('logs the first failure of a kind in full, counts the rest, and says how many at the interval end', () => {
    const { lines, logger } = recordingLogger();
    const report = reportRepeatedFailures(logger, { level: 'warn', message: 'dependency unavailable', intervalMs: 10_000 });
    for (let i = 0; i < 500; i++) report(refused());
    report(new Error('other'));
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ['warn', 'dependency unavailable'],
      ['warn', 'dependency unavailable'],
    ]);
    expect(lines[0]?.fields.err).toBeInstanceOf(Error);

    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({
      message: 'dependency unavailable: 499 more of the kind within 10 s',
      fields: { kind: 'ECONNREFUSED', repeated: 499 },
    });
    expect(lines[2]?.fields.err).toBeUndefined();

    // The next interval starts with a full line again; a lone failure leaves no count line.
    report(refused());
    vi.advanceTimersByTime(10_000);
    expect(lines.map((line) => line.message).slice(3)).toEqual(['dependency unavailable']);
  });
});
