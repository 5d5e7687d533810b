import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withoutPassword } from '../connections/sql-connection-model.js';
import { OutputCollector, type OutputChunk, type OutputStream } from '../process/output-collector.js';
import type { ShellProcessOutcome, ShellProcessResult } from '../process/run-shell-process.js';
import { formatSqlError, formatSqlNotice, type SqlMessageFields } from './format-sql-message.js';
import { commandTagLine, formatSqlTable } from './format-sql-table.js';
import { SqlStepSession } from './sql-step-session.js';

export interface RunSqlStatementsInput {
  /** A postgres:// URL; it holds a password, so it never appears in output or errors. */
  connectionString: string;
  /** Statements with `$1…` bind parameters and their values (see `prepareSqlStatements`). */
  statements: readonly { text: string; values: readonly (string | null)[] }[];
  /** Runs every statement in one `BEGIN READ ONLY` transaction, rolled back at the end. */
  readOnly: boolean;
  timeoutMs: number;
  /** Output delivered across stdout and stderr together before the rest is only counted. */
  maxOutputBytes: number;
  signal?: AbortSignal;
  onOutput: (chunk: OutputChunk) => void;
  /** The clock that stamps output (the system clock by default). */
  now?: () => Date;
  /** 10 s by default, and never more than the timeout. */
  connectTimeoutMs?: number;
  /** Time a cancelled query has to stop before its backend is terminated; 5 s by default. */
  cancelGraceMs?: number;
}

/**
 * Runs the statements of a SQL step on one connection and reports how it ended in the terms of a
 * shell step: exit code 0 when every statement succeeded, 1 at the first error (the rest do not
 * run), `timed-out` or `cancelled` when stopped (the running query is cancelled on the server
 * first, see `SqlStepSession`), `failed-to-start` when no session could be opened. Output is what
 * psql would print: tables and command tags on stdout, errors and notices on stderr. Statements
 * autocommit one by one, as in psql, unless the step is read-only. Rejects only when `onOutput`
 * throws (the step is then stopped).
 */
export async function runSqlStatements(input: RunSqlStatementsInput): Promise<ShellProcessResult> {
  const started = performance.now();
  let session: SqlStepSession | null = null;
  const output = new OutputCollector(input.maxOutputBytes, input.onOutput, () => session?.stop(), input.now);
  const write = (stream: OutputStream, text: string): void => {
    if (text !== '') output.push(stream, Buffer.from(text, 'utf8'));
  };
  let outcome: ShellProcessOutcome = 'exited';
  let exitCode: number | null = null;
  let error: string | null = null;
  if (input.signal?.aborted === true) outcome = 'cancelled';
  else {
    try {
      session = new SqlStepSession(input.connectionString, {
        connectTimeoutMs: Math.min(input.connectTimeoutMs ?? 10_000, input.timeoutMs),
        cancelGraceMs: input.cancelGraceMs ?? 5000,
        onNotice: (notice) => write('stderr', formatSqlNotice(notice)),
      });
    } catch (cause) {
      // An unparsable URL.
      [outcome, error] = ['failed-to-start', connectError(cause, input.connectionString)];
    }
  }
  if (session !== null) {
    const running = session;
    const stop = (why: 'timed-out' | 'cancelled'): void => {
      if (outcome !== 'exited') return;
      outcome = why;
      running.stop();
    };
    const timer = setTimeout(() => stop('timed-out'), input.timeoutMs);
    const onAbort = (): void => stop('cancelled');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await running.open(input.readOnly, input.timeoutMs);
      exitCode = await runEach(running, input, write, output);
    } catch (cause) {
      if (outcome === 'exited') [outcome, error] = ['failed-to-start', connectError(cause, input.connectionString)];
    } finally {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      await running.close();
    }
  }
  output.flush();
  const failure = output.deliveryFailure();
  if (failure !== null) throw failure.error;
  return {
    exitCode: outcome === 'exited' ? exitCode : null,
    signal: null,
    durationMs: Math.round(performance.now() - started),
    outcome,
    error,
    ...output.counts(),
  };
}

/** Runs the statements in order and prints their results: 0, or 1 at the first error, where psql with ON_ERROR_STOP stops too. */
async function runEach(
  session: SqlStepSession,
  input: RunSqlStatementsInput,
  write: (stream: OutputStream, text: string) => void,
  output: OutputCollector,
): Promise<number> {
  for (const statement of input.statements) {
    if (session.stopped) return 1;
    try {
      const result = await session.run(statement.text, statement.values, input.maxOutputBytes);
      if (result.columns !== null) {
        write('stdout', formatSqlTable(result.columns, result.rows, result.rowCount));
        output.discard('stdout', result.droppedBytes);
      }
      write('stdout', commandTagLine(result.tag, result.columns !== null));
    } catch (cause) {
      write('stderr', formatSqlError(messageFields(cause), statement.text));
      return 1;
    }
    // COMMIT or ROLLBACK would end the read-only transaction: what follows would autocommit, and could write.
    if (input.readOnly && session.transactionStatus() !== 'T') {
      write(
        'stderr',
        'ERROR:  a read-only step cannot end its transaction; the statements after this one were not run\n',
      );
      return 1;
    }
  }
  const status = session.transactionStatus();
  if (!input.readOnly && (status === 'T' || status === 'E')) {
    write(
      'stderr',
      'WARNING:  the step left a transaction open: it is rolled back (end it with COMMIT to keep its changes)\n',
    );
  }
  return 0;
}

function messageFields(cause: unknown): SqlMessageFields {
  if (cause instanceof pg.DatabaseError) return cause;
  return { message: messageOf(cause) };
}

/** The error is stored and shown: the password is taken out should a driver message ever quote the URL. */
function connectError(cause: unknown, url: string): string {
  return `cannot connect to the database: ${withoutPassword(messageOf(cause), url)}`;
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
