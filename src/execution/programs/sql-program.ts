import { Type } from 'typebox';
import { chooseSqlConnection } from '../choose-sql-connection.js';
import { openSqlConnectionUrl } from '../connections/open-sql-connection-url.js';
import { minSecretLength } from '../redaction/create-redactor.js';
import { prepareSqlStatements } from '../sql/prepare-sql-statements.js';
import { runSqlStatements } from '../sql/run-sql-statements.js';
import type { NamedSecret, StepProgramDefinition } from './step-program-definition.js';

/** Bound SQL on a named connection: statement texts use `$1…`, values travel apart and are never spliced in. */
const SqlProgramSchema = Type.Object({
  kind: Type.Literal('sql'),
  connection: Type.String(),
  connectionUrl: Type.String(),
  readOnly: Type.Boolean(),
  statements: Type.Array(
    Type.Object({ text: Type.String(), values: Type.Array(Type.Union([Type.String(), Type.Null()])) }),
  ),
});

/** SQL steps: bound statements on the chosen named connection, read-only steps in a read-only transaction. */
export const sqlProgram: StepProgramDefinition<typeof SqlProgramSchema> = {
  schema: SqlProgramSchema,
  async prepare({ db, step, values, services, ignoreUnknown, secrets, rules, connection: chosen }) {
    const sql = await prepareSqlStatements(step, values, services.denyPatterns, { ignoreUnknown, secrets, rules });
    const connection = await chooseSqlConnection(db, step, chosen);
    const connectionUrl = await openSqlConnectionUrl(db, connection, services.secretKey);
    return {
      program: {
        kind: 'sql',
        connection,
        connectionUrl,
        statements: sql.statements,
        readOnly: step.risk === 'read-only',
      },
      secrets: sql.secrets,
      stepSecrets: [...sql.stepSecrets, ...connectionPassword(connection, connectionUrl)],
      preview: `-- on connection ${connection}\n${sql.preview}`,
    };
  },
  // A SQL step has no working directory and no sandbox: the connection is all it touches.
  run(program, { timeoutMs, maxOutputBytes, signal, onOutput }) {
    return runSqlStatements({
      timeoutMs,
      maxOutputBytes,
      signal,
      onOutput,
      connectionString: program.connectionUrl,
      statements: program.statements,
      readOnly: program.readOnly,
    });
  },
  connection: (program) => program.connection,
};

/** A connection's password, to be redacted wherever the step prints it (too short a one cannot be). */
function connectionPassword(connection: string, url: string): NamedSecret[] {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return [];
  }
  return [...password].length >= minSecretLength ? [{ name: `connection ${connection}`, value: password }] : [];
}
