import pg from 'pg';
import type { QueryArrayConfig } from 'pg';
import type { PostgresTarget } from '../kinds/postgres-probe.js';
import type { CheckOptions, Observation, ObservedValues } from '../probe-model.js';
import { untilAborted } from './abortable-step.js';
import { describeError, unreachedObservation } from './check-outcome.js';
import { startBudget } from './check-timing.js';

const applicationName = 'astreinte-probe';
const defaultQuery = 'SELECT 1';
/** How long a graceful close (Terminate, then the server closing) may take before the socket is dropped. */
const closeGraceMs = 1000;
// Every state a client backend can be in, so that a condition on a state no session is in reads 0.
const connectionStates = [
  'active',
  'idle',
  'idle_in_transaction',
  'idle_in_transaction_aborted',
  'fastpath_function_call',
  'disabled',
  'unknown',
];

/**
 * A PostgreSQL check: connects (one connection, closed at the end: no pool), runs the target's
 * query (default `SELECT 1`) in a `BEGIN READ ONLY` transaction that is rolled back, and reads
 * the server's client connections. Fills `CONNECTED` (connected and authenticated),
 * `RESPONSE_TIME`, `RESULT` (first column of the first row), `ROW` (first row), `ROWS` (row
 * count), `QUERY_ERROR`, `CONNECTIONS` (client backends, this probe's included),
 * `CONNECTION_STATES` (`idle_in_transaction`…, null states as `unknown`) and `MAX_CONNECTIONS`.
 * Values stay as pg gives them (int8 and numeric as strings).
 *
 * Never throws. A refused connection or a connect timeout is `reached: false`; a server refusing
 * the session (password, unknown database) or a failing query is `reached: true` with `error`
 * set; a timeout or cancellation once connected is `reached: true`, `CONNECTED: true`, with
 * `timeout after N ms` or `cancelled`; the socket is then dropped, and a query still running on
 * the server is ended by the `statement_timeout` (the check's timeout) sent at connect.
 */
export async function runPostgresCheck(target: PostgresTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  let client: pg.Client | null = null;
  let connected = false;
  try {
    client = new pg.Client({
      connectionString: target.url,
      connectionTimeoutMillis: options.timeoutMs,
      // Server side too: a query left running when the socket is dropped is cancelled by the server.
      statement_timeout: options.timeoutMs,
      query_timeout: options.timeoutMs,
      application_name: applicationName,
    });
    // A socket dropped on timeout, or a server going away while closing, is reported here; without a listener the process would crash.
    client.on('error', () => undefined);
    await untilAborted(client.connect(), budget.signal);
    connected = true;
    const values = await observeSession(client, target.query ?? defaultQuery, budget.signal);
    const latencyMs = budget.elapsedMs();
    const queryError = typeof values['QUERY_ERROR'] === 'string' ? values['QUERY_ERROR'] : null;
    return {
      reached: true,
      latencyMs,
      values: { CONNECTED: true, RESPONSE_TIME: latencyMs, ...values },
      error: queryError,
    };
  } catch (error) {
    // An error message from the server (authentication, unknown database, too many clients) means it answered.
    if (!connected && !(error instanceof pg.DatabaseError)) return unreachedObservation(budget, error);
    const latencyMs = budget.elapsedMs();
    return {
      reached: true,
      latencyMs,
      values: { CONNECTED: connected, RESPONSE_TIME: latencyMs },
      error: budget.stopReason() ?? describePgError(error),
    };
  } finally {
    if (client !== null) await closeClient(client, budget.signal.aborted);
    budget.end();
  }
}

async function observeSession(client: pg.Client, query: string, signal: AbortSignal): Promise<ObservedValues> {
  await untilAborted(client.query('BEGIN READ ONLY'), signal);
  // Read before the probe's query: this takes the transaction's snapshot, after which
  // `SET TRANSACTION READ WRITE` is refused, so the probe's query cannot lift the read-only mode.
  const connections = await untilAborted(readConnections(client), signal);
  const outcome = await untilAborted(runProbeQuery(client, query), signal);
  await untilAborted(client.query('ROLLBACK'), signal);
  return { ...outcome, ...connections };
}

/** Runs the probe's query; an error from the server is an observation (`QUERY_ERROR`), not a failure to reach it. */
async function runProbeQuery(client: pg.Client, text: string): Promise<ObservedValues> {
  // The extended protocol takes one statement only: `ROLLBACK; DELETE …` cannot leave the read-only transaction.
  const config: QueryArrayConfig & { queryMode: 'extended' } = { text, rowMode: 'array', queryMode: 'extended' };
  try {
    const result = await client.query(config);
    const first = result.rows[0];
    // As pg does for row objects: of two columns with one name, the last wins.
    const row =
      first === undefined
        ? null
        : Object.fromEntries(result.fields.map((field, index) => [field.name, first[index] as unknown]));
    return { RESULT: (first?.[0] as unknown) ?? null, ROW: row, ROWS: result.rows.length, QUERY_ERROR: null };
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) throw error;
    return { RESULT: null, ROW: null, ROWS: null, QUERY_ERROR: error.message };
  }
}

async function readConnections(client: pg.Client): Promise<ObservedValues> {
  const activity = await client.query<{ state: string | null; count: string }>(
    "SELECT state, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY state",
  );
  const states: Record<string, number> = Object.fromEntries(connectionStates.map((state) => [state, 0]));
  let total = 0;
  for (const { state, count } of activity.rows) {
    // Without pg_read_all_stats, other users' sessions show a null state.
    const key = state === null ? 'unknown' : snakeCase(state);
    states[key] = (states[key] ?? 0) + Number(count);
    total += Number(count);
  }
  const setting = await client.query<{ max_connections: string }>('SHOW max_connections');
  const maxConnections = Number(setting.rows[0]?.max_connections ?? Number.NaN);
  return { CONNECTIONS: total, CONNECTION_STATES: states, MAX_CONNECTIONS: maxConnections };
}

/** `idle in transaction (aborted)` → `idle_in_transaction_aborted`: a key conditions can name. */
function snakeCase(state: string): string {
  return state
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The server's own message (`password authentication failed for user "x"`), without the SQLSTATE describeError would add. */
function describePgError(error: unknown): string {
  return error instanceof pg.DatabaseError ? error.message : describeError(error);
}

/** Closes the connection: gracefully when the check ended normally, at once after a timeout or a cancellation. */
async function closeClient(client: pg.Client, stopped: boolean): Promise<void> {
  if (stopped) {
    client.connection.stream.destroy();
    return;
  }
  const timer = setTimeout(() => client.connection.stream.destroy(), closeGraceMs);
  try {
    await client.end();
  } catch {
    // Already closed or broken: nothing is left to release.
  } finally {
    clearTimeout(timer);
  }
}
