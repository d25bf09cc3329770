import { readFile } from 'node:fs/promises';
import { childrenOf } from './cpu.js';

const MB = 1024 * 1024;

const residentBytes = async (pid: number): Promise<number> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kb === undefined ? 0 : Number(kb) * 1024;
};

/** A server's resident set: the process and every descendant (a cluster's workers), from /proc. */
const processTreeResidentBytes = async (pid: number): Promise<number> => {
  const theirs = await Promise.all((await childrenOf(pid)).map(processTreeResidentBytes));
  return (await residentBytes(pid)) + theirs.reduce((sum, bytes) => sum + bytes, 0);
};

/** One gauge of the server's Prometheus exposition (prom-client's default metrics), summed over its labels. */
const gauge = (exposition: string, name: string): number | undefined => {
  const values = [...exposition.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((match) => Number(match[1]));
  return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0);
};

/** A running server, as the bench knows it. */
type Measured = { readonly pid: number | undefined; readonly baseUrl: string };

export type MemoryReport = { rss_mb: string; heap_used_mb: string; heap_total_mb: string; external_mb: string; outside_heap_mb: string };

/**
 * Where a server's memory is, in MB: the resident set (the process tree, from /proc), V8's heap
 * (used and reserved), the memory outside the heap V8 knows of (buffers, `external`), and the rest
 * of the resident set outside V8's heap (code, native allocations, allocator arenas, stacks).
 */
export const memoryOf = async (server: Measured): Promise<MemoryReport> => {
  const rss = server.pid === undefined ? 0 : await processTreeResidentBytes(server.pid);
  const exposition = await fetch(`${server.baseUrl}/metrics`).then(
    (response) => (response.ok ? response.text() : ''),
    () => '',
  );
  const used = gauge(exposition, 'nodejs_heap_size_used_bytes');
  const total = gauge(exposition, 'nodejs_heap_size_total_bytes');
  const external = gauge(exposition, 'nodejs_external_memory_bytes');
  const mb = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / MB).toFixed(1));
  return {
    rss_mb: mb(rss),
    heap_used_mb: mb(used),
    heap_total_mb: mb(total),
    external_mb: mb(external),
    outside_heap_mb: mb(total === undefined ? undefined : rss - total),
  };
};

/** How long the servers rest before memory is read again: long enough for V8's memory reducer (it acts after some seconds of low allocation). */
const IDLE_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 30) * 1000;

/**
 * Each server's memory right after the load, and again after an idle pause: what a process keeps
 * while it serves, and what it gives back when it rests.
 */
export const memoryAfterLoadAndIdle = async (servers: Readonly<Record<string, Measured>>): Promise<Record<string, MemoryReport>> => {
  const entries = Object.entries(servers);
  const loaded = await Promise.all(entries.map(async ([name, server]) => [`${name}, after the load`, await memoryOf(server)] as const));
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rested = await Promise.all(
    entries.map(async ([name, server]) => [`${name}, after ${IDLE_MS / 1000} s idle`, await memoryOf(server)] as const),
  );
  return Object.fromEntries([...loaded, ...rested]);
};
