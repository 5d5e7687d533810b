import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';

/** A TCP port on 127.0.0.1 whose accept queue is full: a new connect hangs (the SYN is dropped). */
export interface UnacceptingServer {
  port: number;
  close(): Promise<void>;
}

// Listens with a backlog of 1, then blocks its event loop: libuv never accepts, so the kernel
// queues the first handshakes and then drops further SYNs (tcp_abort_on_overflow is 0 by default).
const listenerScript = `
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
});
`;

/**
 * Starts the listener in a child process (a blocked event loop in this one would stop the tests
 * too), then opens connections until one hangs: from then on the queue is full. The way to
 * observe a TCP connect timeout on 127.0.0.1, where nothing else ever leaves a SYN unanswered.
 */
export async function startUnacceptingServer(): Promise<UnacceptingServer> {
  const child = spawn(process.execPath, ['-e', listenerScript], { stdio: ['ignore', 'pipe', 'inherit'] });
  const fillers: Socket[] = [];
  const close = async (): Promise<void> => {
    for (const socket of fillers) socket.destroy();
    await stopChild(child);
  };
  try {
    const port = await readPort(child);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.on('error', () => undefined);
      fillers.push(socket);
      if (!(await connectsWithin(socket, 300))) return { port, close };
    }
    throw new Error('the accept queue of the unaccepting server never filled up');
  } catch (error) {
    await close();
    throw error;
  }
}

function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`the listener exited (${code ?? 'signal'}) before listening`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('\n')) resolve(Number.parseInt(output, 10));
    });
  });
}

function connectsWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
