/**
 * The storage interface every domain operation uses: one `query` and one `transaction`.
 * Both backends (embedded PGlite, server PostgreSQL through `pg`) implement it with the same
 * SQL dialect; their few differences live in `backend-differences.ts`.
 */
export type Row = Record<string, unknown>;

export interface QueryResult<T extends Row = Row> {
  rows: T[];
  rowCount: number;
}

/** Something SQL can be sent to: the database itself, or an open transaction. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

/** Runs a script of several statements without parameters (migrations only). */
export interface ScriptRunner {
  exec(sql: string): Promise<void>;
}

export const backendNames = ['pglite', 'postgres'] as const;
export type BackendName = (typeof backendNames)[number];

export interface Database extends Queryable, ScriptRunner {
  readonly backend: BackendName;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Nested calls on the transaction object join the outer transaction.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Calls `handler` with the payload of each notification on `channel` (`NOTIFY`, delivered at
   * commit) until the returned function is called. `null` means notifications may have been lost
   * (the listening connection was cut and is back): assume anything changed.
   */
  listen(channel: string, handler: ChangeHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Receives a notification's payload, or `null` when some may have been lost. */
export type ChangeHandler = (payload: string | null) => void;

export interface Transaction extends Queryable, ScriptRunner {
  readonly backend: BackendName;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}
