import { Semaphore } from 'async-mutex';
import { describe, expect, it } from 'vitest';
import { STANDING_QUEUE_MS, TurnOrder } from './turn-order.js';

/** One turn, held by the test; waiters queue behind it in the order the TurnOrder gives them. */
const gateWithClock = () => {
  let now = 0;
  const order = new TurnOrder(() => now);
  const turns = new Semaphore(1);
  const served: string[] = [];
  const wait = (name: string, work: object = {}) => {
    const waiter = order.waitFor(work);
    return turns.acquire(1, waiter.priority).then(([, release]) => {
      waiter.left();
      order.took(work);
      served.push(name);
      release();
    });
  };
  return { order, turns, served, wait, advance: (ms: number) => (now += ms) };
};

describe('the order of a workload’s waiters', () => {
  it('serves a burst that drains in time first come, first served', async () => {
    const gate = gateWithClock();
    const [, release] = await gate.turns.acquire();
    const all = ['a', 'b', 'c'].map((name) => {
      gate.advance(10);
      return gate.wait(name);
    });
    release();
    await Promise.all(all);
    expect(gate.served).toEqual(['a', 'b', 'c']);
  });

  it('serves the newest arrival first once the queue has stood longer than its interval', async () => {
    const gate = gateWithClock();
    const [, release] = await gate.turns.acquire();
    const early = ['old 1', 'old 2'].map((name) => gate.wait(name));
    gate.advance(STANDING_QUEUE_MS);
    const late = ['new 1', 'new 2'].map((name) => gate.wait(name));
    release();
    await Promise.all([...early, ...late]);
    expect(gate.served).toEqual(['new 2', 'new 1', 'old 1', 'old 2']);
  });

  it('lets work that already had a turn finish before any new work starts', async () => {
    const gate = gateWithClock();
    const request = {};
    await gate.wait('first statement', request);
    const [, release] = await gate.turns.acquire();
    const fresh = gate.wait('new request');
    gate.advance(STANDING_QUEUE_MS);
    const newest = gate.wait('newest request');
    const continuing = gate.wait('its transaction', request);
    release();
    await Promise.all([fresh, newest, continuing]);
    expect(gate.served).toEqual(['first statement', 'its transaction', 'newest request', 'new request']);
  });

  it('goes back to first come, first served once the queue has drained', async () => {
    const gate = gateWithClock();
    let [, release] = await gate.turns.acquire();
    const standing = [gate.wait('a')];
    gate.advance(STANDING_QUEUE_MS);
    standing.push(gate.wait('b'));
    release();
    await Promise.all(standing);
    [, release] = await gate.turns.acquire();
    gate.advance(STANDING_QUEUE_MS);
    const burst = ['c', 'd'].map((name) => gate.wait(name));
    release();
    await Promise.all(burst);
    expect(gate.served).toEqual(['b', 'a', 'c', 'd']);
  });
});
