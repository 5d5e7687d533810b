import type { TestApp } from './test-app.js';

/** Polls a run until one step execution has ended (neither queued nor running), and returns it. */
export async function waitForExecutionEnd(
  t: TestApp,
  runId: string,
  executionId: string,
): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
    const execution = run.executions.find((e: { id: string }) => e.id === executionId);
    if (!['queued', 'running'].includes(execution.status)) return execution;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`step execution ${executionId} did not end within 20 s`);
}

/** A step execution as the API shows it, with what runner tests look at. */
export interface ExecutionView {
  id: string;
  stepId: string;
  status: string;
  runner: { id: string; name: string } | null;
  endReason: string | null;
  waitingFor: string | null;
}

/** Asks to run a read-only step (202 expected) and returns its execution. */
export async function executeStep(
  t: TestApp,
  runId: string,
  stepId: string,
  parameters: Record<string, string> = {},
): Promise<ExecutionView> {
  const started = await t.call('POST', `/api/v1/runs/${runId}/steps/${stepId}/execute`, { body: { parameters } });
  if (started.statusCode !== 202) throw new Error(`execute ${stepId} answered ${started.statusCode}: ${started.body}`);
  return started.json().execution as ExecutionView;
}

/** One execution of a run, as GET /api/v1/runs/{id} shows it now. */
export async function executionOf(t: TestApp, runId: string, executionId: string): Promise<ExecutionView> {
  const run = (await t.call('GET', `/api/v1/runs/${runId}`)).json();
  return (run.executions as ExecutionView[]).find((execution) => execution.id === executionId)!;
}

/** What an execution printed on stdout, as stored. */
export async function stdoutOf(t: TestApp, runId: string, executionId: string): Promise<string> {
  const output = (await t.call('GET', `/api/v1/runs/${runId}/executions/${executionId}/output`)).json<
    { stream: string; text: string }[]
  >();
  return output
    .filter((line) => line.stream === 'stdout')
    .map((line) => line.text)
    .join('');
}
