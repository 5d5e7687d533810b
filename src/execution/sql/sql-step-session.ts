import pg from 'pg';
import type { CustomTypesConfig, FieldDef, QueryConfig } from 'pg';
import type { SqlMessageFields } from './format-sql-message.js';
import type { SqlColumn, SqlTextRow } from './format-sql-table.js';

/** What one statement gave back: the rows kept for printing, and how many there were in all. */
export interface SqlStatementResult {
  /** Null when the statement returns no rows (no RowDescription): psql then prints its command tag. */
  columns: SqlColumn[] | null;
  rows: SqlTextRow[];
  rowCount: number;
  /** Approximate size of the rows not kept, for the output counts. */
  droppedBytes: number;
  /** The full command tag (`INSERT 0 3`, `CREATE TABLE`), which pg's own result cuts to one word. */
  tag: string;
}

export interface SqlStepSessionOptions {
  connectTimeoutMs: number;
  /** How long a cancelled query may take to stop before its backend is terminated. */
  cancelGraceMs: number;
  /** A notice or warning the server sent (`RAISE NOTICE` …). */
  onNotice: (notice: SqlMessageFields) => void;
}

// Values stay as PostgreSQL prints them (`t`, `2024-05-01 10:00:00+02`, `{1,2}`), as psql shows them.
const rawText = { getTypeParser: () => (value: string) => value } as unknown as CustomTypesConfig;
const applicationName = 'astreinte-step';

/**
 * One connection a SQL step runs on. `stop()` makes sure nothing keeps running on the server: it
 * cancels the running query from a second connection (`pg_cancel_backend`), then terminates the
 * backend if the query has not stopped within the grace period; closing a socket would not stop a
 * query, which PostgreSQL only notices at its next read.
 */
export class SqlStepSession {
  private readonly client: pg.Client;
  private pid: number | null = null;
  private active: Promise<unknown> | null = null;
  private stopping: Promise<void> | null = null;
  private described: FieldDef[] | null = null;
  private tag = '';

  constructor(
    private readonly url: string,
    private readonly options: SqlStepSessionOptions,
  ) {
    this.client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs,
      application_name: applicationName,
    });
    // A backend terminated or a socket closed by stop() is reported here; without a listener, the process would crash.
    this.client.on('error', () => undefined);
    this.client.on('notice', (notice) => options.onNotice({ ...notice, message: notice.message ?? '' }));
    // pg keeps neither the whole command tag nor whether a RowDescription came: read them off the wire.
    this.client.connection.on('rowDescription', (message: { fields: FieldDef[] }) => {
      this.described = message.fields;
    });
    this.client.connection.on('commandComplete', (message: { text?: string }) => {
      this.tag = message.text ?? '';
    });
  }

  /** Whether stop() was called. */
  get stopped(): boolean {
    return this.stopping !== null;
  }

  /**
   * Connects and prepares the session: for a read-only step a `BEGIN READ ONLY` transaction whose
   * snapshot is taken at once (so `SET TRANSACTION READ WRITE` is refused), and a statement timeout.
   */
  async open(readOnly: boolean, statementTimeoutMs: number): Promise<void> {
    await this.track(this.client.connect());
    if (readOnly) await this.track(this.client.query('BEGIN READ ONLY'));
    const { rows } = await this.track(
      this.client.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid, set_config('statement_timeout', $1, $2)`, [
        String(statementTimeoutMs),
        readOnly,
      ]),
    );
    this.pid = rows[0]?.pid ?? null;
  }

  /** Runs one statement (extended protocol: one statement only), keeping rows up to `budgetBytes`. */
  run(text: string, values: readonly (string | null)[], budgetBytes: number): Promise<SqlStatementResult> {
    [this.described, this.tag] = [null, ''];
    const config: QueryConfig & { rowMode: 'array'; queryMode: 'extended' } = {
      text,
      values: [...values],
      types: rawText,
      rowMode: 'array',
      queryMode: 'extended',
    };
    const query = new pg.Query(config);
    const rows: SqlTextRow[] = [];
    let rowCount = 0;
    let keptBytes = 0;
    let droppedBytes = 0;
    // Rows are streamed, not accumulated by pg: past the budget only their count and size are kept,
    // so `SELECT * FROM events` on a big table cannot fill this server's memory.
    query.on('row', (row: SqlTextRow) => {
      rowCount++;
      const size = row.reduce((sum, value) => sum + Buffer.byteLength(value ?? '') + 3, 0);
      if (droppedBytes === 0 && keptBytes + size <= budgetBytes) {
        keptBytes += size;
        rows.push(row);
      } else droppedBytes += size;
    });
    const done = new Promise<SqlStatementResult>((resolve, reject) => {
      query.on('error', reject);
      query.on('end', () => {
        const columns = this.described?.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID })) ?? null;
        resolve({ columns, rows, rowCount, droppedBytes, tag: this.tag });
      });
    });
    this.client.query(query);
    return this.track(done);
  }

  /** 'T' in a transaction, 'E' in a failed one, 'I' outside of one; null when not connected. */
  transactionStatus(): 'I' | 'T' | 'E' | null {
    return this.client.getTransactionStatus();
  }

  /** Rolls back what is left open (always, for a read-only step) and disconnects; waits for a stop in progress. */
  async close(): Promise<void> {
    await this.stopping;
    const status = this.transactionStatus();
    if (this.pid !== null && !this.stopped && (status === 'T' || status === 'E'))
      await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  /** Stops the session for a timeout or a cancellation; idempotent. Await `close()` to know it is done. */
  stop(): void {
    if (this.stopping !== null) return;
    const pid = this.pid;
    const active = this.active;
    this.stopping = (async () => {
      if (pid === null || active === null) return this.disconnect();
      await signalBackend(this.url, pid, 'pg_cancel_backend', this.options.connectTimeoutMs);
      if (await settlesWithin(active, this.options.cancelGraceMs)) return;
      await signalBackend(this.url, pid, 'pg_terminate_backend', this.options.connectTimeoutMs);
      this.disconnect();
    })();
  }

  private disconnect(): void {
    this.client.connection.stream.destroy();
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.active = promise;
    return promise.finally(() => {
      if (this.active === promise) this.active = null;
    });
  }
}

/** Asks the server, on a short second connection, to cancel the query of `pid` or end its backend. */
async function signalBackend(
  url: string,
  pid: number,
  fn: 'pg_cancel_backend' | 'pg_terminate_backend',
  timeoutMs: number,
): Promise<void> {
  const control = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: `${applicationName}-cancel`,
  });
  control.on('error', () => undefined);
  try {
    await control.connect();
    await control.query(`SELECT ${fn}($1)`, [pid]);
  } catch {
    // Nothing more can be done from here; the server-side statement_timeout remains.
  } finally {
    await control.end().catch(() => undefined);
  }
}

/** Whether `promise` settles (either way) within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      expired,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
