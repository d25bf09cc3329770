import { createServer, request as httpRequest } from 'node:http';

/**
 * A load balancer in front of the replicas: round robin, and a backend that refuses a connection
 * is taken out and the request sent to another (nothing was sent to it). A request a replica was
 * answering when it died fails, as it would behind any balancer.
 */
export const balancer = (backends: string[]) => {
  const down = new Set<string>();
  let turn = 0;
  return createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const send = (retries: number) => {
        const live = backends.filter((backend) => !down.has(backend));
        const target = live[turn++ % live.length] as string;
        const upstream = httpRequest(
          `${target}${incoming.url}`,
          { method: incoming.method, headers: incoming.headers, agent: false },
          (answer) => {
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED' && retries > 0) {
            down.add(target);
            send(retries - 1);
          } else outgoing.destroy();
        });
        upstream.end(body);
      };
      send(backends.length);
    });
  });
};
