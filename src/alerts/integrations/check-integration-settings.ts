import { validationError, type FieldIssue } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import type { IntegrationKind } from '../alert-model.js';
import { parseWebhookMapping } from '../ingest/webhook-mapping.js';
import type { IntegrationSettings } from '../integration-model.js';

/**
 * What the schema cannot say of an integration's settings: a webhook needs its mapping (checked
 * here, once, so that ingestion never meets a bad one), a heartbeat its period, and the services
 * named must exist. Throws a 400 naming each bad field under `path`.
 */
export async function checkIntegrationSettings(
  db: Queryable,
  kind: IntegrationKind,
  settings: IntegrationSettings,
  serviceId: string | null,
  path = '/settings',
): Promise<void> {
  const issues: FieldIssue[] = [];
  if (kind === 'webhook') {
    if (settings.mapping === undefined)
      issues.push({
        path: `${path}/mapping`,
        message: 'a webhook integration needs a mapping (at least a title path)',
      });
    else {
      try {
        parseWebhookMapping(settings.mapping);
      } catch (error) {
        const nested = (error as { details?: { issues?: FieldIssue[] } }).details?.issues ?? [
          { path: '', message: String(error) },
        ];
        issues.push(...nested.map((issue) => ({ path: `${path}/mapping${issue.path}`, message: issue.message })));
      }
    }
  } else if (settings.mapping !== undefined) {
    issues.push({ path: `${path}/mapping`, message: 'only webhook integrations have a mapping' });
  }
  if (kind === 'heartbeat' && settings.heartbeat === undefined)
    issues.push({ path: `${path}/heartbeat`, message: 'a heartbeat integration needs its period' });
  if (kind !== 'heartbeat' && settings.heartbeat !== undefined)
    issues.push({ path: `${path}/heartbeat`, message: 'only heartbeat integrations have a period' });
  const services = [
    ...new Set([...(serviceId === null ? [] : [serviceId]), ...Object.values(settings.serviceMap ?? {})]),
  ];
  if (services.length > 0) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM services WHERE id = ANY($1::text[])', [services]);
    const known = new Set(rows.map((row) => row.id));
    if (serviceId !== null && !known.has(serviceId))
      issues.push({ path: '/serviceId', message: `unknown service ${serviceId}` });
    for (const [value, id] of Object.entries(settings.serviceMap ?? {})) {
      if (!known.has(id))
        issues.push({
          path: `${path}/serviceMap/${value.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          message: `unknown service ${id}`,
        });
    }
  }
  if (issues.length > 0) throw validationError('invalid integration settings', issues);
}
