/**
 * The V8 flags a server process starts with. They go on its command line (the Containerfile's CMD,
 * `pnpm start`; a cluster's workers inherit them), since V8 sizes its heap before any code runs;
 * deploy-files.test.ts checks both launchers pass them, and the bench starts its servers with them.
 *
 * Why (docs/benchmarks.md, "Memory under load"): V8 sizes the young generation from the machine's
 * memory, 64 MB semi-spaces on a 24 GB machine, and grows the old generation up to fourfold under a
 * high allocation rate. After the full bench a server held 483 MB (at rest, 157 MB). A 16 MB
 * semi-space and a fixed 1.5× growth of the old generation held it to 226 MB, for server CPU within
 * the bench's spread. Smaller semi-spaces (8 MB) cost 4-27 % more CPU on reads for no memory;
 * `--optimize-for-size` held 151 MB but cost 2.5-3× the CPU.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--heap-growing-percent=50'];
