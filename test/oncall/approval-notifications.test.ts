import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleApprovalRequested } from '../../src/oncall/approvals/handle-approval-requested.js';
import { requestStepApproval, type ApprovalRequest } from '../support/approval-request.js';
import { eventually } from '../support/eventually.js';
import { startRecordingServer, type RecordingServer } from '../support/recording-server.js';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const fence = '```';
const runbook = [
  '# RUNBOOK: Approval paging',
  '## Symptoms',
  '- the cache is full of stale keys',
  '## Fix',
  '### Flush the cache',
  `${fence}bash`,
  'redis-cli FLUSHALL',
  fence,
].join('\n');

type Hooked = { event: string; recipient: { userId: string }; incident: { url: string }; message: { text: string } };

describe.each(testBackends)('approval requests page the approvers on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { config: { secretKey: 'ab'.repeat(32) }, loops: ['timers'] });
  let hook: RecordingServer;
  let runbookId: string;
  let levelTwo: string;

  beforeAll(async () => {
    hook = await startRecordingServer();
    if (!available) return;
    await t.call('PUT', '/api/v1/notification-channels/approval-hook', {
      body: { name: 'Hook', config: { kind: 'webhook', url: `${hook.url}/hook`, secret: 'a-secret-of-some-length' } },
    });
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO users (username, name, email, role) VALUES ('approver2', 'Level Two', 'l2@example.test', 'responder') RETURNING id`,
    );
    levelTwo = rows[0]!.id;
    // Everyone has a rule at once; the admin (the on-call approver) a second one, five minutes later.
    await t.db.query(`UPDATE users SET notification_rules = '[{"channel": "webhook", "delayMinutes": 0}]'`);
    await t.db.query(
      `UPDATE users SET notification_rules = '[{"channel": "webhook", "delayMinutes": 0}, {"channel": "webhook", "delayMinutes": 5}]' WHERE id = $1`,
      [t.users.admin.id],
    );
    // Level 1 holds the asker, a viewer and the admin: only the admin may approve.
    await t.call('PUT', '/api/v1/escalation-policies/approvals', {
      body: {
        name: 'approvals',
        levels: [
          {
            delayMinutes: 0,
            targets: [t.users.responder, t.users.viewer, t.users.admin].map((user) => ({ type: 'user', id: user.id })),
          },
          { delayMinutes: 10, targets: [{ type: 'user', id: levelTwo }] },
        ],
      },
    });
    await t.call('POST', '/api/v1/services', { body: { id: 'approvals', name: 'Approvals' } });
    await t.call('PUT', '/api/v1/services/approvals/escalation-policy', { body: { policyId: 'approvals' } });
    const imported = await t.call('POST', '/api/v1/runbook-sources', {
      body: { filename: 'approval.md', content: runbook },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    runbookId = imported.json<{ runbooks: { id: string }[] }>().runbooks[0]!.id;
  });
  afterAll(async () => {
    await hook.close();
  });

  /** The responder asks to run the destructive step on a new incident; returns the request's ids. */
  const requestApproval = (): Promise<ApprovalRequest> =>
    requestStepApproval(t, {
      runbookId,
      title: 'Stale cache',
      service: 'approvals',
      severity: 'P3',
      reason: 'stale keys everywhere',
    });

  const approvalMessagesFor = (executionId: string): Hooked[] =>
    hook.requests
      .map((request) => JSON.parse(request.body) as Hooked)
      .filter((body) => body.event === 'step.approval_requested' && body.incident.url.includes(executionId));

  const deliveriesOf = async (executionId: string) =>
    (
      await t.db.query<{ id: string; user_id: string; status: string }>(
        `SELECT id, user_id, status FROM notification_deliveries WHERE kind = 'approval' AND message->>'executionId' = $1 ORDER BY id`,
        [executionId],
      )
    ).rows;

  it.skipIf(!available)(
    'tells the on-call person who may approve, with the command and a link to the request, and neither the asker nor a viewer',
    async () => {
      const { incidentId, executionId } = await requestApproval();
      const [message] = await eventually('the approval message', () => {
        const found = approvalMessagesFor(executionId);
        return found.length > 0 ? found : null;
      });
      expect(message!.recipient.userId).toBe(t.users.admin.id);
      expect(message!.incident.url).toMatch(new RegExp(`/incidents/${incidentId}\\?approval=${executionId}$`));
      expect(message!.message.text).toContain('redis-cli FLUSHALL');
      expect(message!.message.text).toContain('Flush the cache');
      const deliveries = await deliveriesOf(executionId);
      // Level 2 is not asked while level 1 has someone who may approve.
      expect(new Set(deliveries.map((delivery) => delivery.user_id))).toEqual(new Set([t.users.admin.id]));
      expect(deliveries).toHaveLength(2);
    },
  );

  it.skipIf(!available)(
    'queues one message per approver and rule even when the timer runs again, as a second node would',
    async () => {
      const { executionId } = await requestApproval();
      await eventually('the first message', async () => ((await deliveriesOf(executionId)).length > 0 ? true : null));
      const { rows: timers } = await t.db.query<{
        id: string;
        kind: string;
        due_at: Date;
        payload: Record<string, unknown>;
      }>(
        `SELECT id, kind, due_at, payload FROM timers WHERE kind = 'approval_requested' AND payload->>'executionId' = $1`,
        [executionId],
      );
      expect(timers).toHaveLength(1);
      const timer = {
        id: timers[0]!.id,
        kind: timers[0]!.kind,
        dueAt: timers[0]!.due_at,
        payload: timers[0]!.payload,
        attempts: 1,
      };
      await t.db.transaction((tx) => handleApprovalRequested(tx, timer, () => new Date()));
      await t.db.transaction((tx) => handleApprovalRequested(tx, timer, () => new Date()));
      expect(await deliveriesOf(executionId)).toHaveLength(2);
    },
  );

  it.skipIf(!available)('skips a delayed message whose request was decided meanwhile', async () => {
    const { runId, executionId } = await requestApproval();
    await eventually('the first message', () => (approvalMessagesFor(executionId).length > 0 ? true : null));
    const approved = await t.call('POST', `/api/v1/runs/${runId}/executions/${executionId}/approval`, {
      body: { decision: 'refuse', reason: 'not now' },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    await t.db.query(`UPDATE timers SET due_at = now() WHERE kind = 'deliver' AND done_at IS NULL AND id LIKE $1`, [
      `deliver:approval.${executionId}.%`,
    ]);
    const statuses = await eventually('the delayed message skipped', async () => {
      const deliveries = await deliveriesOf(executionId);
      return deliveries.every((delivery) => delivery.status !== 'pending') ? deliveries.map((d) => d.status) : null;
    });
    expect(statuses.sort()).toEqual(['sent', 'skipped']);
    expect(approvalMessagesFor(executionId)).toHaveLength(1);
  });

  it.skipIf(!available)(
    'asks the asker too when the runbook allows self-approval, and the next level when level 1 has nobody',
    async () => {
      const allowed = await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, {
        body: { allowSelfApproval: true },
      });
      expect(allowed.statusCode, allowed.body).toBe(200);
      const { executionId } = await requestApproval();
      await eventually('the messages', async () => ((await deliveriesOf(executionId)).length >= 3 ? true : null));
      const users = new Set((await deliveriesOf(executionId)).map((delivery) => delivery.user_id));
      expect(users).toEqual(new Set([t.users.admin.id, t.users.responder.id]));
      await t.call('PUT', `/api/v1/runbooks/${runbookId}/execution-settings`, { body: { allowSelfApproval: false } });
      // The admin off level 1: the asker and the viewer are left, who may not approve; level 2 is asked.
      await t.db.query(`UPDATE users SET role = 'viewer' WHERE id = $1`, [t.users.admin.id]);
      try {
        const next = await requestApproval();
        await eventually('the level 2 message', async () =>
          (await deliveriesOf(next.executionId)).length > 0 ? true : null,
        );
        expect(new Set((await deliveriesOf(next.executionId)).map((delivery) => delivery.user_id))).toEqual(
          new Set([levelTwo]),
        );
      } finally {
        await t.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [t.users.admin.id]);
      }
    },
  );
});
