import { AggregatorRegistry, type Registry } from 'prom-client';
import { isPrimaryMessage, type WorkerMessage } from './messages.js';

/** Longer than prom-client's own 5 s for collecting from every worker, so its error arrives first. */
const METRICS_TIMEOUT_MS = 6_000;

/** A worker process's line to its primary: shared metrics, and the word to shut down. */
export type WorkerLink = {
  /** Every worker's metrics summed (prom-client's aggregation in the primary). */
  metricsOfAllWorkers(): Promise<string>;
  /** Lets the primary collect this worker's metrics. */
  shareMetrics(registry: Registry): void;
  /** Called once, when the primary says to stop or goes away. */
  onShutdown(listener: (reason: string) => void): void;
};

export const connectToPrimary = (): WorkerLink => {
  const send = (message: WorkerMessage) => process.send?.(message);
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const shutdownListeners: ((reason: string) => void)[] = [];
  let shutdownReason: string | undefined;
  const shutDown = (reason: string) => {
    if (shutdownReason !== undefined) return;
    shutdownReason = reason;
    for (const listener of shutdownListeners) listener(reason);
  };

  process.on('message', (message) => {
    if (!isPrimaryMessage(message)) return;
    if (message.type === 'conduit:shutdown') return shutDown(message.signal);
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.text !== undefined) waiting?.resolve(message.text);
    else waiting?.reject(new Error(`metrics from the primary failed: ${message.error ?? 'no answer'}`));
  });
  // The primary died (kill -9): nobody will restart or stop this worker, so it stops by itself.
  process.on('disconnect', () => shutDown('primary gone'));

  return {
    metricsOfAllWorkers: () =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error('metrics from the primary timed out'));
        }, METRICS_TIMEOUT_MS);
        pending.set(id, {
          resolve: (text) => {
            clearTimeout(timer);
            resolve(text);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        send({ type: 'conduit:metrics-request', id });
      }),
    shareMetrics: (registry) => {
      // Constructing one installs prom-client's answer to the primary's collection requests.
      new AggregatorRegistry();
      AggregatorRegistry.setRegistries([registry]);
    },
    onShutdown: (listener) => {
      if (shutdownReason !== undefined) listener(shutdownReason);
      else shutdownListeners.push(listener);
    },
  };
};
