import { Presets, SingleBar } from 'cli-progress';

/** Work done so far, as a batch command reports it. */
export type Progress = { readonly done: number; readonly detail: string };

export type ProgressReport = { update(progress: Progress): void; stop(): void };

const PLAIN_EVERY_MS = 5_000;

/**
 * On a terminal, a progress bar (done/total, rate, ETA; cli-progress); otherwise (a log, a pipe, CI)
 * a plain line at most every few seconds, so logs stay readable.
 */
export const progressReport = (label: string, total: number | undefined, stream: NodeJS.WriteStream = process.stderr): ProgressReport => {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {detail}`,
        stream,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total ?? 0, 0, { rate: 0, detail: '' });
    return {
      update: ({ done, detail }) => {
        if (total === undefined) bar.setTotal(done);
        bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)), detail });
      },
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  let lastAt = 0;
  return {
    update: ({ done, detail }) => {
      if (Date.now() - lastAt < PLAIN_EVERY_MS) return;
      lastAt = Date.now();
      const rate = Math.round(done / Math.max(0.001, (lastAt - started) / 1000));
      stream.write(`${label}: ${done}${total === undefined ? '' : `/${total}`} (${rate}/s) ${detail}\n`);
    },
    stop: () => undefined,
  };
};
