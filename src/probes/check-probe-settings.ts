import { validationError, type FieldIssue } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { checkConditions } from './conditions/index.js';
import type { CheckEnvironment } from './kinds/probe-kind-definition.js';
import type { ProbeSettings } from './probe-input.js';
import { probeKindOf, probeKinds } from './probe-kinds.js';

/** What probes need from the server's configuration. */
export interface ProbeEnvironment extends CheckEnvironment {
  /** Seals the credentials of targets (`secretFields`: connection URLs, secret headers); null: such probes are refused. */
  secretKey: Uint8Array | null;
}

/**
 * Checks what the schema cannot: each condition parses and uses only placeholders its kind fills
 * (400 at `/conditions/N`), the service exists, what the kind checks of its target (a Prometheus
 * probe has a Prometheus to ask), and the retry interval is not longer than the interval.
 */
export async function checkProbeSettings(
  db: Queryable,
  settings: ProbeSettings,
  environment: ProbeEnvironment,
): Promise<void> {
  const issues: FieldIssue[] = [];
  const { target } = settings;
  issues.push(...checkConditions(settings.conditions, probeKinds[target.kind].placeholders).issues);
  issues.push(...(probeKindOf(target.kind).checkTarget?.(target, environment) ?? []));
  if (settings.retryIntervalSeconds > settings.intervalSeconds) {
    issues.push({
      path: '/retryIntervalSeconds',
      message: `must not exceed intervalSeconds (${settings.intervalSeconds})`,
    });
  }
  if (settings.timeoutMs > settings.intervalSeconds * 1000) {
    issues.push({
      path: '/timeoutMs',
      message: `must not exceed the interval (${settings.intervalSeconds * 1000} ms)`,
    });
  }
  if (settings.serviceId !== null) {
    const { rows } = await db.query('SELECT 1 FROM services WHERE id = $1', [settings.serviceId]);
    if (rows.length === 0) issues.push({ path: '/serviceId', message: `unknown service ${settings.serviceId}` });
  }
  if (issues.length > 0) throw validationError('invalid probe', issues);
}
