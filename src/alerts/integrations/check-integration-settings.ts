import { validationError, type FieldIssue } from '../../core/app-error.js';
import type { Queryable } from '../../storage/database.js';
import {
  integrationKindNames,
  kindSettings,
  type IntegrationKind,
  type KindSetting,
} from '../ingest/ingest-kind-names.js';
import { ingestKinds } from '../ingest/ingest-kinds.js';
import type { IntegrationSettings } from '../integration-model.js';

/** How the refusals name each kind's own setting: "needs …", "only … have …". */
const settingWords: Record<KindSetting, { needs: string; noun: string }> = {
  mapping: { needs: 'a mapping (at least a title path)', noun: 'a mapping' },
  heartbeat: { needs: 'its period', noun: 'a period' },
};

/** The kinds that have a setting, for the refusal of it elsewhere: `webhook`, `webhook and x`. */
function kindsWith(setting: KindSetting): string {
  return integrationKindNames.filter((kind) => ingestKinds[kind].settings.includes(setting)).join(' and ');
}

/**
 * What the schema cannot say of an integration's settings: the settings its kind's row needs are
 * there and no other kind's are, the kind's own check passes (a webhook's mapping is read here,
 * once, so that ingestion never meets a bad one), and the services named exist. Throws a 400
 * naming each bad field under `path`.
 */
export async function checkIntegrationSettings(
  db: Queryable,
  kind: IntegrationKind,
  settings: IntegrationSettings,
  serviceId: string | null,
  path = '/settings',
): Promise<void> {
  const issues: FieldIssue[] = [];
  const definition = ingestKinds[kind];
  for (const setting of kindSettings) {
    const needed = definition.settings.includes(setting);
    const given = settings[setting] !== undefined;
    if (needed && !given)
      issues.push({
        path: `${path}/${setting}`,
        message: `a ${kind} integration needs ${settingWords[setting].needs}`,
      });
    if (!needed && given)
      issues.push({
        path: `${path}/${setting}`,
        message: `only ${kindsWith(setting)} integrations have ${settingWords[setting].noun}`,
      });
  }
  issues.push(...(definition.checkSettings?.(settings, path) ?? []));
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
