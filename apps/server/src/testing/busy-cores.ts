import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

/**
 * Runs `work` while every core is kept busy by a process that only spins, as on a laptop that
 * builds something else or a shared CI runner: what a test checks under it must hold however slow
 * the machine gets. The spinners are stopped by their PIDs, whatever `work` does.
 */
export const withBusyCores = async <T>(work: () => Promise<T>): Promise<T> => {
  const spinners = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;);'], { stdio: 'ignore' }));
  try {
    return await work();
  } finally {
    for (const spinner of spinners) spinner.kill('SIGKILL');
  }
};
