import { readIncidentChanges, startIncidentCursor } from '../../incidents/read-incident-changes.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';
import { streamClosed } from './stream-closed.js';

/** A comment line now and then keeps proxies from closing a quiet stream. */
const keepAliveMs = 15_000;

/**
 * `GET /api/v1/incidents/events`: the incident list live, as Server-Sent Events — an `incident`
 * event with the whole incident each time one is declared or changes (id = the timeline id, so
 * `Last-Event-ID` resumes where a dropped connection stopped). Read from the database when the
 * node's live fan-out says a timeline grew (on any node), or after its safety interval; every
 * stream of the node shares the one listener.
 */
export function registerIncidentEventsRoute(app: App, { db, now, live }: HttpDeps): void {
  app.get(
    '/api/v1/incidents/events',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Follow incident changes live (text/event-stream)',
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db, now);
      // Listening before the first read: a change committed after it is heard. Without a
      // listener (the database refused), the stream still works on its safety reads.
      await live.start().catch((error: unknown) => request.log.warn({ err: error }, 'live changes unavailable'));
      const lastEventId = Number(request.headers['last-event-id']);
      const cursor = await startIncidentCursor(
        ctx,
        Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : null,
      );
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      raw.write(': connected\n\n');
      // Set by the close handler: typed wide, or TypeScript would take it for false ever after.
      let closed = false as boolean;
      request.raw.on('close', () => (closed = true));
      const ended = streamClosed(request, live.closing);
      let quietSince = Date.now();
      // The first round reads; later ones when notified, or once the safety interval passed.
      let readAt: number | null = null;
      let since = live.incidents.generation;
      try {
        while (!closed && !live.isStopped) {
          const due = readAt === null || Date.now() - readAt >= live.safetyPollMs;
          if (due || since !== live.incidents.generation) {
            // Taken before the read: a change notified while it reads wakes the wait at once.
            since = live.incidents.generation;
            readAt = Date.now();
            for (const change of await readIncidentChanges(ctx, cursor)) {
              raw.write(`id: ${change.id}\nevent: incident\ndata: ${JSON.stringify(change.incident)}\n\n`);
              quietSince = Date.now();
            }
          }
          if (Date.now() - quietSince > keepAliveMs) {
            raw.write(': keep-alive\n\n');
            quietSince = Date.now();
          }
          await live.incidents.wait(Math.min(live.safetyPollMs, keepAliveMs), since, ended);
        }
      } catch (error) {
        request.log.error({ err: error }, 'incident event stream failed');
        raw.write(
          `event: error\ndata: ${JSON.stringify({ message: 'the stream failed; reconnect with Last-Event-ID' })}\n\n`,
        );
      } finally {
        raw.end();
      }
    },
  );
}
