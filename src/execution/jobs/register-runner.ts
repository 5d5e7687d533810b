import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { AppError } from '../../core/app-error.js';
import { requireRunner } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { RunnerLabelsSchema, runnerSandboxes } from './runner-model.js';
import type { StepJobServices } from './step-job-services.js';

export const RegisterRunnerInput = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: 'chosen by the runner process at start' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    labels: RunnerLabelsSchema,
    sandbox: Type.Enum(runnerSandboxes),
    hostname: Type.String({ maxLength: 255 }),
    version: Type.String({ maxLength: 50 }),
    capacity: Type.Integer({ minimum: 1, maximum: 64 }),
  },
  { additionalProperties: false },
);
export type RegisterRunnerInput = Static<typeof RegisterRunnerInput>;

/** What a runner is told when it registers: how often to beat, how much output to keep. */
export const RunnerSettingsSchema = Type.Object({
  heartbeatMs: Type.Integer(),
  maxOutputBytes: Type.Integer(),
});
export type RunnerSettings = Static<typeof RunnerSettingsSchema>;

const upsertRunner = `
  INSERT INTO runners (id, token_id, name, labels, sandbox, hostname, version, capacity, connected_at, last_seen_at, expires_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
  ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, labels = EXCLUDED.labels, sandbox = EXCLUDED.sandbox, hostname = EXCLUDED.hostname,
         version = EXCLUDED.version, capacity = EXCLUDED.capacity, last_seen_at = EXCLUDED.last_seen_at, expires_at = EXCLUDED.expires_at,
         disconnected_at = NULL
   WHERE runners.token_id = EXCLUDED.token_id
  RETURNING id`;

/**
 * A runner says who it is (name, labels, sandbox) when it starts, and again after a lost
 * connection; its id is its own, bound to the token it first came with. Audited.
 */
export async function registerRunner({
  ctx,
  input,
  jobs,
}: {
  ctx: Ctx;
  input: RegisterRunnerInput;
  jobs: StepJobServices;
}): Promise<RunnerSettings> {
  const runner = requireRunner(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now();
    const { rows } = await tx.db.query(upsertRunner, [
      input.id,
      runner.tokenId,
      input.name,
      JSON.stringify(input.labels),
      input.sandbox,
      input.hostname,
      input.version,
      input.capacity,
      now,
      new Date(now.getTime() + jobs.staleAfterMs),
    ]);
    if (rows.length === 0) throw new AppError('conflict', `runner ${input.id} is registered with another token`, {});
    await recordAudit(tx, {
      action: 'runner.register',
      targetType: 'runner',
      targetId: input.id,
      details: { name: input.name, labels: input.labels, sandbox: input.sandbox, hostname: input.hostname },
    });
    return { heartbeatMs: jobs.heartbeatMs, maxOutputBytes: jobs.maxOutputBytes };
  });
}
