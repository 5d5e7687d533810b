import { Type } from 'typebox';
import { getStepExecution } from '../../execution/get-step-execution.js';
import { readStepOutput } from '../../execution/list-step-output.js';
import { finalExecutionStatuses } from '../../execution/run-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

const pollMs = 200;

/**
 * `GET …/executions/{id}/events`: a step's output as Server-Sent Events while it runs —
 * `output` events (id = output seq, so `Last-Event-ID` resumes), `status` on each change, and
 * `end` once the step is over. The output is read from the database, so the stream works on any
 * node, whichever node its runner reports to; this node's own records wake it at once.
 */
export async function registerStepEventsRoute(app: App, { db, now, execution: { jobs } }: HttpDeps): Promise<void> {
  app.get('/api/v1/runs/:id/executions/:executionId/events', {
    schema: {
      tags: ['runs'], summary: 'Follow a step execution live (text/event-stream)',
      params: Type.Object({ id: Type.String(), executionId: Type.String() }), response: { ...errorResponses },
    },
  }, async (request, reply) => {
    const ctx = ctxOf(request, db, now);
    const input = { runId: request.params.id, executionId: request.params.executionId };
    let execution = await getStepExecution({ ctx, input }); // 404 before the stream opens
    const lastEventId = Number(request.headers['last-event-id'] ?? -1);
    let after = Number.isInteger(lastEventId) ? lastEventId : -1;
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (event: string, data: unknown, id?: number): void => {
      raw.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let closed = false;
    request.raw.on('close', () => (closed = true));
    let status = '';
    try {
      while (!closed) {
        // Listening before reading: a change recorded while this round reads is not missed.
        const changed = jobs.changes.wait(input.executionId, pollMs);
        for (const chunk of await readStepOutput(db, input.runId, input.executionId, after)) {
          send('output', chunk, chunk.seq);
          after = chunk.seq;
        }
        if (execution.status !== status) {
          status = execution.status;
          send('status', execution);
        }
        if (finalExecutionStatuses.has(execution.status)) {
          // One more read: output written just before the final status is not lost.
          for (const chunk of await readStepOutput(db, input.runId, input.executionId, after)) send('output', chunk, chunk.seq);
          send('end', { status: execution.status, exitCode: execution.exitCode });
          break;
        }
        await changed;
        execution = await getStepExecution({ ctx, input });
      }
    } catch (error) {
      request.log.error({ err: error }, 'step event stream failed');
      send('error', { message: 'the stream failed; reconnect with Last-Event-ID' });
    } finally {
      raw.end();
    }
  });
}
