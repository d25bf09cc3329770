import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * podman as it runs on these machines: runc (crun fails on this cgroup setup) and cgroupfs, with a
 * containers.conf in `work` that sets no default ulimits. `must` throws with podman's output.
 */
export const podmanIn = (root: string, work: string) => {
  writeFileSync(join(work, 'containers.conf'), '[containers]\ndefault_ulimits = []\n');
  const podman = (args: string[], timeoutMs = 120_000) =>
    spawnSync('podman', ['--runtime', 'runc', '--cgroup-manager=cgroupfs', ...args], {
      cwd: root,
      env: { ...process.env, CONTAINERS_CONF: join(work, 'containers.conf') },
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
    });
  const must = (args: string[], timeoutMs?: number) => {
    const result = podman(args, timeoutMs);
    if (result.status !== 0) throw new Error(`podman ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
    return result.stdout.trim();
  };
  return { podman, must };
};

/** Polls `check` every 100 ms until it holds; a ceiling that only catches a hang. */
export const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
