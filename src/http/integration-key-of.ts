import type { FastifyRequest } from 'fastify';
import type { KeySource } from '../alerts/ingest/ingest-kind-definition.js';

/**
 * The integration key a sender presents, from the first of its kind's `sources` that holds one
 * (see `KeySource`); undefined when none does, which the route answers with 401.
 */
export function ingestKeyOf(request: FastifyRequest, sources: readonly KeySource[]): string | undefined {
  for (const source of sources) {
    const key = keyIn(request, source);
    if (key !== undefined) return key;
  }
  return undefined;
}

function keyIn(request: FastifyRequest, source: KeySource): string | undefined {
  switch (source.in) {
    case 'credentials':
      return integrationKeyOf(request);
    case 'header':
      return schemeValue(request.headers[source.name.toLowerCase()], source.scheme);
    case 'query':
      return stringField(request.query, source.name);
    case 'path':
      return stringField(request.params, source.name);
    case 'body':
      return stringField(request.body, source.field);
  }
}

/** A field of a parsed part of the request, when it is a string (as given: the lookup decides). */
function stringField(part: unknown, name: string): string | undefined {
  if (typeof part !== 'object' || part === null || !Object.hasOwn(part, name)) return undefined;
  const value: unknown = (part as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** `SCHEME VALUE` (scheme compared ignoring case), or the whole trimmed header without a scheme. */
function schemeValue(header: string | string[] | undefined, scheme: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  if (scheme === undefined) return header.trim() === '' ? undefined : header.trim();
  const [given = '', value = ''] = header.trim().split(/\s+/, 2);
  return given.toLowerCase() === scheme.toLowerCase() && value !== '' ? value : undefined;
}

/**
 * The key a sender gives as credentials: `Authorization: Bearer KEY` (Prometheus `authorization`,
 * Alertmanager `http_config.authorization`), the password of HTTP Basic auth (`basic_auth`, where
 * senders can only do that), or an `X-Astreinte-Key` header for hand-written webhooks.
 */
function integrationKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const [scheme = '', value = ''] = header.split(/\s+/, 2);
    if (scheme.toLowerCase() === 'bearer' && value !== '') return value.trim();
    if (scheme.toLowerCase() === 'basic' && value !== '') {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const password = colon === -1 ? '' : decoded.slice(colon + 1);
      return password !== '' ? password : decoded.slice(0, colon === -1 ? undefined : colon);
    }
  }
  const custom = request.headers['x-astreinte-key'];
  return typeof custom === 'string' && custom.trim() !== '' ? custom.trim() : undefined;
}
