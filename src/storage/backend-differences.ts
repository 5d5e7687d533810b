import type { BackendName } from './database.js';

/**
 * The one table of what differs between the embedded database (PGlite, a single in-process
 * connection) and a PostgreSQL server reached through a `pg` pool. Everything else — SQL,
 * migrations, types returned — is identical, which the storage tests check on both.
 */
export interface BackendTraits {
  /** Several nodes may share the database, so start-up work (migrations, seeding) must be locked. */
  readonly sharedBetweenProcesses: boolean;
  /** `pg_advisory_xact_lock` is meaningful (other sessions exist to exclude). */
  readonly advisoryLocks: boolean;
  /**
   * `FOR UPDATE SKIP LOCKED` only matters with concurrent sessions; PGlite runs one session and
   * serialises transactions itself, so the clause is accepted and simply never skips.
   */
  readonly concurrentSessions: boolean;
  /** How a statement's duration is bounded: a server-side `statement_timeout`, or nothing (in-process). */
  readonly statementTimeout: boolean;
}

export const backendTraits: Record<BackendName, BackendTraits> = {
  pglite: {
    sharedBetweenProcesses: false,
    advisoryLocks: false,
    concurrentSessions: false,
    statementTimeout: false,
  },
  postgres: {
    sharedBetweenProcesses: true,
    advisoryLocks: true,
    concurrentSessions: true,
    statementTimeout: true,
  },
};
