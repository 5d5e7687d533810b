import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a stand-in for an outside service (Slack, Twilio, a webhook receiver) saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the server answers: a status with a body, or never (to make the client time out). */
export type Reply = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  requests: RecordedRequest[];
  /** Answers the next requests, in order, with these replies; then the default again. */
  replyNext(...replies: Reply[]): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server recording every request: the internet stand-in of the sender tests.
 * Listens on 127.0.0.1 only; answers `defaultReply` (200 "ok") unless told otherwise.
 */
export async function startRecordingServer(
  defaultReply: Reply = { status: 200, body: 'ok' },
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const queued: Reply[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = queued.shift() ?? defaultReply;
      if (reply === 'hang') return;
      response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
      response.end(reply.body ?? '');
    });
  });
  await listen(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    replyNext: (...replies) => queued.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens (a port just freed): connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
