/**
 * How the storm bench configures both tools so that a canary ends as a page at the local receiver.
 * Astreinte: a Prometheus integration whose alerts belong to service `storm`, grouped by
 * alertname (its default), the service's escalation policy paging the admin at level 1 at once,
 * and the admin's rule sending pages to a webhook channel pointed at the receiver. Alertmanager:
 * a route grouping by alertname that notifies the receiver at once (group_wait 0s) and at most
 * every second per group (a canary is a group of its own: it waits for nobody).
 */

/** Configures Astreinte through its API (admin token) and returns the integration's key. */
export async function setUpAstreinte(url: string, adminToken: string, receiverUrl: string): Promise<string> {
  const call = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const me = (await call('GET', '/api/v1/me', undefined)) as { id: string };
  await call('PUT', '/api/v1/notification-channels/storm-hook', {
    name: 'Storm bench receiver',
    config: { kind: 'webhook', url: receiverUrl, secret: 'storm-bench-secret-of-32-characters' },
  });
  await call('PUT', `/api/v1/users/${me.id}/notification-rules`, { rules: [{ channel: 'webhook', delayMinutes: 0 }] });
  await call('PUT', '/api/v1/escalation-policies/storm', {
    name: 'Storm',
    levels: [{ delayMinutes: 0, targets: [{ type: 'user', id: me.id }] }],
  });
  await call('POST', '/api/v1/services', { id: 'storm', name: 'Storm' });
  await call('PUT', '/api/v1/services/storm/escalation-policy', { policyId: 'storm' });
  const integration = (await call('POST', '/api/v1/integrations', {
    name: 'storm',
    kind: 'prometheus',
    serviceId: 'storm',
  })) as { key: string };
  return integration.key;
}

/** Alertmanager's configuration: every alert to the receiver, each alertname its own group. */
export function alertmanagerConfig(receiverUrl: string): string {
  return [
    'route:',
    '  receiver: hook',
    '  group_by: [alertname]',
    '  group_wait: 0s',
    '  group_interval: 1s',
    '  repeat_interval: 24h',
    'receivers:',
    '  - name: hook',
    '    webhook_configs:',
    `      - url: ${receiverUrl}`,
    '        send_resolved: false',
    '',
  ].join('\n');
}

/** The sum of every series of `name` in the Prometheus text at `url`/metrics (NaN if absent or unreachable). */
export async function readMetric(url: string, name: string, labelFilter = ''): Promise<number> {
  return sumMetric(await readMetrics(url), name, labelFilter);
}

/** The Prometheus text at `url`/metrics ('' if unreachable): several figures read from one scrape agree. */
export async function readMetrics(url: string): Promise<string> {
  return fetch(`${url}/metrics`)
    .then((response) => response.text())
    .catch(() => '');
}

/** The sum of every series of `name` (whose labels contain `labelFilter`) in Prometheus text; NaN if none. */
export function sumMetric(text: string, name: string, labelFilter = ''): number {
  let sum = Number.NaN;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || !line.includes(labelFilter)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    sum = (Number.isNaN(sum) ? 0 : sum) + Number(rest.slice(rest.lastIndexOf(' ') + 1));
  }
  return sum;
}
