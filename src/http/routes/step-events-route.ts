import { Type } from 'typebox';
import { readStepProgress } from '../../execution/read-step-progress.js';
import { finalExecutionStatuses } from '../../execution/run-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';
import { streamClosed } from './stream-closed.js';

/**
 * `GET …/executions/{id}/events`: a step's output as Server-Sent Events while it runs —
 * `output` events (id = output seq, so `Last-Event-ID` resumes), `status` on each change, and
 * `end` once the step is over. The output is read from the database, so the stream works on any
 * node, whichever node its runner reports to: this node's own records wake it at once, other
 * nodes' through the live fan-out (the database's notifications), and a safety read comes after
 * `live.safetyPollMs` of silence.
 */
export function registerStepEventsRoute(app: App, { db, now, execution: { jobs }, live }: HttpDeps): void {
  app.get(
    '/api/v1/runs/:id/executions/:executionId/events',
    {
      schema: {
        tags: ['runs'],
        summary: 'Follow a step execution live (text/event-stream)',
        params: Type.Object({ id: Type.String(), executionId: Type.String() }),
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db, now);
      const lastEventId = Number(request.headers['last-event-id'] ?? -1);
      let after = Number.isInteger(lastEventId) ? lastEventId : -1;
      const read = () =>
        readStepProgress({ ctx, input: { runId: request.params.id, executionId: request.params.executionId, after } });
      await live.start().catch((error: unknown) => request.log.warn({ err: error }, 'live changes unavailable'));
      const ended = streamClosed(request, live.closing);
      const next = () => jobs.changes.wait(request.params.executionId, live.safetyPollMs, ended);
      // Listening before each read: a change recorded while it reads is not missed.
      let changed = next();
      let progress = await read(); // 404 before the stream opens
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const send = (event: string, data: unknown, id?: number): void => {
        raw.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      // Set by the close handler: typed wide, or TypeScript would take it for false ever after.
      let closed = false as boolean;
      request.raw.on('close', () => (closed = true));
      let status = '';
      try {
        while (!closed) {
          if (live.isStopped) break; // the node is stopping: the client resumes elsewhere
          const { execution, output } = progress;
          for (const chunk of output) {
            send('output', chunk, chunk.seq);
            after = chunk.seq;
          }
          if (execution.status !== status) {
            status = execution.status;
            send('status', execution);
          }
          if (finalExecutionStatuses.has(execution.status)) {
            send('end', { status: execution.status, exitCode: execution.exitCode });
            break;
          }
          await changed;
          changed = next();
          progress = await read();
        }
      } catch (error) {
        request.log.error({ err: error }, 'step event stream failed');
        send('error', { message: 'the stream failed; reconnect with Last-Event-ID' });
      } finally {
        raw.end();
      }
    },
  );
}
