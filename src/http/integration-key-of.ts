import type { FastifyRequest } from 'fastify';

/**
 * The integration key a sender presents: `Authorization: Bearer KEY` (Prometheus `authorization`,
 * Alertmanager `http_config.authorization`), the password of HTTP Basic auth (`basic_auth`, where
 * senders can only do that), or an `X-Astreinte-Key` header for hand-written webhooks.
 */
export function integrationKeyOf(request: FastifyRequest): string | undefined {
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
