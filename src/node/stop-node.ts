import type { Logger } from 'pino';
import type { App } from '../http/http-deps.js';
import type { Database } from '../storage/database.js';
import type { NodeLoops } from './start-node-loops.js';

/** What a running node is made of, in the order it stops them. */
export interface NodeParts {
  runner: { stop(): Promise<void> } | null;
  app: App;
  /** The inbound SMTP listener for replies, when configured. */
  inbound?: { stop(): Promise<void> } | null;
  loops: NodeLoops;
  db: Database;
  logger: Logger;
  /** How long requests in flight may take to finish once shutdown began. */
  timeoutMs: number;
}

/**
 * Stops a node, in the order that keeps its promises:
 * 1. the local runner: its steps are cancelled and their ends recorded while the app still answers;
 * 2. the app: runners' long polls are let go, no new connection is taken, requests in flight
 *    finish (up to the timeout), and the alerts it accepted are committed;
 *    then the inbound SMTP listener, likewise, with the replies it is answering;
 * 3. the loops, each after its round in progress (probes in flight handed back to other nodes);
 * 4. the database, last, once nothing uses it.
 * A step that fails does not keep the next ones from running; the first failure is thrown at the end.
 */
export async function stopNode(parts: NodeParts): Promise<void> {
  const steps = [
    () => parts.runner?.stop(),
    () => closeApp(parts.app, parts.timeoutMs, parts.logger),
    () => parts.inbound?.stop(),
    () => parts.loops.stop(),
    () => parts.db.close(),
  ];
  const failures: unknown[] = [];
  for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

async function closeApp(app: App, timeoutMs: number, logger: Logger): Promise<void> {
  // Past the timeout, idle and lingering connections are cut so that shutdown always ends.
  const force = setTimeout(() => {
    logger.warn({ timeoutMs }, 'in-flight requests still running at shutdown timeout: closing connections');
    app.server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
