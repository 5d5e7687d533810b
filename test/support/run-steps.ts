import type { TestApp } from './test-app.js';

/** Polls a run until one step execution has ended (neither queued nor running), and returns it. */
export async function waitForExecutionEnd(t: TestApp, runId: string, executionId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
    const execution = run.executions.find((e: { id: string }) => e.id === executionId);
    if (!['queued', 'running'].includes(execution.status)) return execution;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`step execution ${executionId} did not end within 20 s`);
}
