import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Routes machines call all the time (a runner's long polls and heartbeats, health checks, metric
 * scrapes) and the console's static files: logged at debug, or a person reading the server's
 * output sees nothing else.
 */
const machineRoutes = [/^\/api\/v1\/runner\/sessions/, /^\/healthz$/, /^\/readyz$/, /^\/metrics$/, /^\/assets\//];

/**
 * Fastify says each request twice ("incoming request", "request completed") with its URL, tokens
 * included. This says it once, when answered — "POST /api/v1/incidents → 201 (12 ms)" — by the
 * route's pattern, never the URL: acknowledge links, setup links and their query strings carry
 * tokens, which stay out of the logs. Server errors are errors; the rest is info.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? 'unmatched route';
    const status = reply.statusCode;
    const ms = Math.round(reply.elapsedTime);
    // Under one key, which the readable format leaves out: the message says the same.
    const fields = { request: { method: request.method, route, status, ms } };
    const line = `${request.method} ${route} → ${status} (${ms} ms)`;
    if (error !== null && error !== undefined) request.log.error({ ...fields, err: error }, line);
    else if (status >= 500) request.log.error(fields, line);
    else if (status < 400 && machineRoutes.some((pattern) => pattern.test(route))) request.log.debug(fields, line);
    else request.log.info(fields, line);
  }
}
