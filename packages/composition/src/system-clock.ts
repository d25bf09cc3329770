import type { Clock } from '@conduit/domain';

export const systemClock: Clock = { now: () => new Date() };
