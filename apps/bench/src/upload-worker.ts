import { parentPort, workerData } from 'node:worker_threads';

/**
 * Sends an import from its own thread: the 60 MB upload must not stall the event loop that
 * measures the reads' latency (in one thread, it added ~0.5 s to their p99).
 */
const { url, token, count } = workerData as { url: string; token: string; count: number };

/** An article of about 600 bytes of JSON, like a short post. */
const item = (index: number) =>
  JSON.stringify({
    article: {
      title: `Imported post number ${index}`,
      description: 'Moved over from another instance',
      body: `Paragraph ${index}. ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}`,
      tagList: ['imported', `batch${index % 100}`],
    },
  });

const body = Buffer.from(`${Array.from({ length: count }, (_, index) => item(index)).join('\n')}\n`);
parentPort?.postMessage({ ready: body.length });
parentPort?.once('message', async () => {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson', Authorization: `Token ${token}` },
    body,
  });
  const text = await response.text();
  parentPort?.postMessage({ status: response.status, location: response.headers.get('Location'), ms: performance.now() - started, text });
});
