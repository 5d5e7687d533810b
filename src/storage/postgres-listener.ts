import pg from 'pg';
import type { ChangeHandler } from './database.js';

/** How long the listener waits before connecting again after losing its server. */
const reconnectMs = 1000;

/**
 * One node's listening connection to PostgreSQL: a client of its own, outside the pool (a pooled
 * connection is handed to others between queries, and LISTEN belongs to a session). Every channel
 * the node follows shares it. When the connection drops, it reconnects, listens again, and tells
 * each handler `null`: what was notified meanwhile is lost, so followers re-read.
 */
export class PostgresListener {
  private readonly handlers = new Map<string, Set<ChangeHandler>>();
  private client: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly url: string) {}

  /** Follows `channel`; the returned function stops. Resolves once the server listens. */
  async listen(channel: string, handler: ChangeHandler): Promise<() => Promise<void>> {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    if (this.closed) throw new Error('the listener is closed');
    let set = this.handlers.get(channel);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    // LISTEN twice is harmless, so each call asks and resolves once the server answered.
    await (await this.connected()).query(`LISTEN ${channel}`);
    return async () => {
      set.delete(handler);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      if (this.client !== null) await (await this.client).query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client !== null) await (await client.catch(() => null))?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    this.client ??= this.connect().catch((error: unknown) => {
      this.client = null;
      throw error;
    });
    return this.client;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    // Lost connection: connect again later, then say that notifications may have been missed.
    const lost = (): void => {
      if (this.closed) return;
      this.client = null;
      setTimeout(() => void this.relisten(), reconnectMs).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    return client;
  }

  private async relisten(): Promise<void> {
    if (this.closed || this.client !== null || this.handlers.size === 0) return;
    try {
      const client = await this.connected();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      for (const set of this.handlers.values()) for (const handler of set) handler(null);
    } catch {
      // Still unreachable: the next attempt comes after the same delay (it gives up if connected meanwhile).
      setTimeout(() => void this.relisten(), reconnectMs).unref();
    }
  }
}
