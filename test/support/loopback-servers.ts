import { createServer, type Server, type Socket } from 'node:net';

/** A server listening on 127.0.0.1, closed with every connection it still holds. */
export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 on a free port. Works for any `net.Server` (http, https, tls): it keeps
 * the raw sockets so `close()` does not wait on a client left hanging by a test on purpose.
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (just freed): connections to it are refused. */
export async function closedLoopbackPort(): Promise<number> {
  const server = await listenOnLoopback(createServer());
  await server.close();
  return server.port;
}

/** A TCP server that accepts connections and never sends a byte: a TLS handshake waits forever. */
export function startSilentTcpServer(): Promise<LoopbackServer> {
  return listenOnLoopback(createServer(() => undefined));
}
