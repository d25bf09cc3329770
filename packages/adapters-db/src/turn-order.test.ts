import { Semaphore } from 'async-mutex';
import { describe, expect, it } from 'vitest';
import { OVERLOAD_MEMORY_MS, TurnOrder } from './turn-order.js';

/** One turn, held by the test; waiters queue behind it in the order the TurnOrder gives them. */
const gateWithClock = () => {
  let now = 0;
  const order = new TurnOrder(() => now);
  const turns = new Semaphore(1);
  const served: string[] = [];
  const wait = (name: string, work: object = {}) =>
    turns.acquire(1, order.priorityOf(work)).then(([, release]) => {
      order.took(work);
      served.push(name);
      release();
    });
  /** Every waiter queued so far is served, in the gate's order. */
  const drain = async (held: () => void, waiting: Promise<void>[]) => {
    held();
    await Promise.all(waiting);
  };
  return { order, turns, served, wait, drain, advance: (ms: number) => (now += ms) };
};

describe('the order of a workload’s waiters', () => {
  it('serves a busy queue first come, first served while no waiter gives up, however long it stands', async () => {
    const gate = gateWithClock();
    const [, release] = await gate.turns.acquire();
    const waiting = ['a', 'b', 'c'].map((name) => {
      gate.advance(OVERLOAD_MEMORY_MS);
      return gate.wait(name);
    });
    await gate.drain(release, waiting);
    expect(gate.served).toEqual(['a', 'b', 'c']);
  });

  it('serves the newest arrival first once a waiter has given up', async () => {
    const gate = gateWithClock();
    const [, release] = await gate.turns.acquire();
    const early = ['old 1', 'old 2'].map((name) => gate.wait(name));
    gate.order.gaveUp();
    const late = ['new 1', 'new 2'].map((name) => gate.wait(name));
    await gate.drain(release, [...early, ...late]);
    expect(gate.served).toEqual(['new 2', 'new 1', 'old 1', 'old 2']);
  });

  it('lets work that already had a turn finish before any new work starts', async () => {
    const gate = gateWithClock();
    const request = {};
    await gate.wait('first statement', request);
    const [, release] = await gate.turns.acquire();
    const fresh = gate.wait('new request');
    gate.order.gaveUp();
    const newest = gate.wait('newest request');
    const continuing = gate.wait('its transaction', request);
    await gate.drain(release, [fresh, newest, continuing]);
    expect(gate.served).toEqual(['first statement', 'its transaction', 'newest request', 'new request']);
  });

  it('goes back to first come, first served once no waiter has given up for a while', async () => {
    const gate = gateWithClock();
    let [, release] = await gate.turns.acquire();
    gate.order.gaveUp();
    await gate.drain(release, [gate.wait('a'), gate.wait('b')]);
    gate.advance(OVERLOAD_MEMORY_MS);
    [, release] = await gate.turns.acquire();
    await gate.drain(release, [gate.wait('c'), gate.wait('d')]);
    expect(gate.served).toEqual(['b', 'a', 'c', 'd']);
  });
});
