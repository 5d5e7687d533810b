import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { KeySource } from '../../src/alerts/ingest/ingest-kind-definition.js';
import { ingestKeyOf } from '../../src/http/integration-key-of.js';

/** The parts of a request the key is read from; the rest of a Fastify request is not needed. */
function requestWith(parts: {
  headers?: Record<string, string>;
  query?: unknown;
  params?: unknown;
  body?: unknown;
}): FastifyRequest {
  return { headers: {}, query: {}, params: {}, body: undefined, ...parts } as unknown as FastifyRequest;
}

const credentials: KeySource[] = [{ in: 'credentials' }];
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('reading the integration key a sender presents', () => {
  it('takes credentials from a bearer token, a Basic password (or user alone), or X-Astreinte-Key', () => {
    expect(ingestKeyOf(requestWith({ headers: { authorization: 'Bearer k1' } }), credentials)).toBe('k1');
    expect(ingestKeyOf(requestWith({ headers: { authorization: basic('prometheus', 'k2') } }), credentials)).toBe('k2');
    expect(ingestKeyOf(requestWith({ headers: { authorization: basic('k3', '') } }), credentials)).toBe('k3');
    expect(ingestKeyOf(requestWith({ headers: { 'x-astreinte-key': ' k4 ' } }), credentials)).toBe('k4');
    expect(ingestKeyOf(requestWith({}), credentials)).toBeUndefined();
  });

  it('reads a header with its scheme, ignoring the case of the scheme, and nothing under another scheme', () => {
    const genieKey: KeySource[] = [{ in: 'header', name: 'Authorization', scheme: 'GenieKey' }];
    expect(ingestKeyOf(requestWith({ headers: { authorization: 'geniekey k5' } }), genieKey)).toBe('k5');
    expect(ingestKeyOf(requestWith({ headers: { authorization: 'Bearer k5' } }), genieKey)).toBeUndefined();
  });

  it('reads a query parameter, a path parameter or a body field, only when it is a string', () => {
    expect(ingestKeyOf(requestWith({ query: { apiKey: 'k6' } }), [{ in: 'query', name: 'apiKey' }])).toBe('k6');
    expect(ingestKeyOf(requestWith({ params: { key: 'k7' } }), [{ in: 'path', name: 'key' }])).toBe('k7');
    const routingKey: KeySource[] = [{ in: 'body', field: 'routing_key' }];
    expect(ingestKeyOf(requestWith({ body: { routing_key: 'k8' } }), routingKey)).toBe('k8');
    expect(ingestKeyOf(requestWith({ body: { routing_key: 8 } }), routingKey)).toBeUndefined();
    expect(ingestKeyOf(requestWith({ body: ['routing_key'] }), routingKey)).toBeUndefined();
  });

  it('tries the sources in order and takes the first that holds a key', () => {
    const sources: KeySource[] = [
      { in: 'header', name: 'authorization', scheme: 'GenieKey' },
      { in: 'query', name: 'apiKey' },
    ];
    const both = requestWith({ headers: { authorization: 'GenieKey from-header' }, query: { apiKey: 'from-query' } });
    expect(ingestKeyOf(both, sources)).toBe('from-header');
    expect(ingestKeyOf(requestWith({ query: { apiKey: 'from-query' } }), sources)).toBe('from-query');
  });
});
