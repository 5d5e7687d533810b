import pg from 'pg';
import type { ChangeHandler, Database, QueryResult, Row, Transaction } from './database.js';
import { PostgresListener } from './postgres-listener.js';

const int8 = 20;

/** Opens a pool on a PostgreSQL server; the first query proves the URL works. */
export async function openPostgresDatabase(url: string, options: { poolSize?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === int8
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  return new PostgresDatabase(pool, new PostgresListener(url));
}

type Client = pg.Pool | pg.PoolClient;

async function runQuery<T extends Row>(
  client: Client,
  sql: string,
  params: readonly unknown[],
): Promise<QueryResult<T>> {
  const result = await client.query<T>(sql, [...params]);
  return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
}

class PostgresDatabase implements Database {
  readonly backend = 'postgres' as const;
  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: PostgresListener,
  ) {}

  query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    return runQuery<T>(this.pool, sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(new PostgresTransaction(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection is unusable: do not hand it back to the pool
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** On the node's one listening connection, opened on the first call. */
  listen(channel: string, handler: ChangeHandler): Promise<() => Promise<void>> {
    return this.listener.listen(channel, handler);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

class PostgresTransaction implements Transaction {
  readonly backend = 'postgres' as const;
  constructor(private readonly client: pg.PoolClient) {}

  query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
    return runQuery<T>(this.client, sql, params);
  }

  async exec(sql: string): Promise<void> {
    // Without parameters pg uses the simple protocol, which accepts several statements.
    await this.client.query(sql);
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return work(this);
  }
}
