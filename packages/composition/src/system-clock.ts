import { setTimeout } from 'node:timers/promises';
import type { Clock } from '@conduit/domain';

export const systemClock: Clock = { now: () => new Date(), wait: async (ms) => void (await setTimeout(ms)) };
