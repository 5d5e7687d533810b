import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** A destructive step waiting for approval, as the tests of approval requests make one. */
export interface ApprovalRequest {
  incidentId: string;
  runId: string;
  executionId: string;
}

/**
 * The responder declares an incident on `service`, starts a run of `runbookId` (whose step s1
 * is destructive) and asks to run s1 with `reason`: the request then waits for a second responder.
 */
export async function requestStepApproval(
  t: TestApp,
  request: { runbookId: string; title: string; service: string; severity: string; reason: string },
): Promise<ApprovalRequest> {
  const token = t.users.responder.token;
  const incident = await t.call('POST', '/api/v1/incidents', {
    token,
    body: { title: request.title, services: [request.service], severity: request.severity },
  });
  expect(incident.statusCode, incident.body).toBe(201);
  const incidentId = incident.json<{ id: string }>().id;
  const run = await t.call('POST', '/api/v1/runs', { token, body: { runbookId: request.runbookId, incidentId } });
  expect(run.statusCode, run.body).toBe(201);
  const runId = run.json<{ id: string }>().id;
  const asked = await t.call('POST', `/api/v1/runs/${runId}/steps/s1/execute`, {
    token,
    body: { reason: request.reason },
  });
  expect(asked.statusCode, asked.body).toBe(202);
  const execution = asked.json<{ execution: { id: string; status: string } }>().execution;
  expect(execution.status).toBe('awaiting-approval');
  return { incidentId, runId, executionId: execution.id };
}
