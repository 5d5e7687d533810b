import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The local webhook receiver of the storm bench: stands for the pager at the end of each tool.
 * Alertmanager's webhook and Astreinte's page both carry the canary's name (its alertname, or the
 * incident title made of its summary), so the receiver only looks for `StormCanary<n>` in each
 * body and keeps the first arrival of each canary: a later repeat is not a faster page.
 */
export interface CanaryReceiver {
  /** `http://127.0.0.1:PORT/hook`. */
  url: string;
  /** Canary number → `performance.now()` of its first arrival. */
  arrivals: Map<number, number>;
  /** Requests received, canaries or not (the storm's own notifications included). */
  requests(): number;
  close(): Promise<void>;
}

const canaryName = /StormCanary(\d+)/g;

/** Starts the receiver on 127.0.0.1 and a free port; it answers 200 to every request. */
export async function startCanaryReceiver(): Promise<CanaryReceiver> {
  const arrivals = new Map<number, number>();
  let requests = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      requests += 1;
      for (const match of Buffer.concat(chunks).toString('utf8').matchAll(canaryName)) {
        const canary = Number(match[1]);
        if (!arrivals.has(canary)) arrivals.set(canary, at);
      }
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    arrivals,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Waits until every canary sent has arrived, or `timeoutMs` has passed. */
export async function awaitCanaries(receiver: CanaryReceiver, sent: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (receiver.arrivals.size < sent && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
}
