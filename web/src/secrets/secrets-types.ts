/**
 * The shapes the secrets and SQL connections pages read: the server's own types, imported as types
 * only (erased from the bundle). None of them holds a secret value or a password: the API never sends one.
 */
export type { ListedSecret, Secret } from '../../../src/execution/secrets/secret-model.js';
export type { ListedSqlConnection, SqlConnection } from '../../../src/execution/connections/sql-connection-model.js';
export type { SqlConnectionTest } from '../../../src/execution/connections/test-sql-connection.js';
export type { RunbookUse } from '../../../src/execution/runbook-uses.js';
