import type { Integration, IntegrationKind } from './admin-types.js';

/** Where the key goes in a snippet: keys are shown once, at creation or rotation, never again. */
export const keyPlaceholder = 'YOUR_KEY';

/** One ready-to-paste configuration: what it is for (a string key's suffix) and its text. */
export interface SenderSnippet {
  id: string;
  language: 'yaml' | 'shell';
  text: string;
}

/** The server as senders reach it: the page's origin unless told otherwise. */
interface Server {
  origin: string;
}

/** The curl line posting `body` to `path`: what an admin runs from the sender's host. */
const curlSnippet = (server: Server, path: string, body: unknown, header: string | null): SenderSnippet => ({
  id: 'curl',
  language: 'shell',
  text: [
    `curl -fsS -X POST '${server.origin}${path}'`,
    ...(header === null ? [] : [`  -H '${header}'`]),
    `  -H 'Content-Type: application/json'`,
    `  -d '${JSON.stringify(body)}'`,
  ].join(' \\\n'),
});

const bearer = `Authorization: Bearer ${keyPlaceholder}`;
const testLabels = { alertname: 'AstreinteSetupCheck', severity: 'warning' };

/**
 * The snippets of each kind, one row per kind of the server's table (a new kind without its row
 * does not compile). Each ends with a curl line an admin can run from the sender's host: it
 * proves the network path and the key, which the page's "send a test alert" cannot.
 */
const snippetsByKind: Record<IntegrationKind, (server: Server, integration: Integration) => SenderSnippet[]> = {
  prometheus: (server) => {
    const url = new URL(server.origin);
    return [
      {
        id: 'prometheus',
        language: 'yaml',
        text: [
          'alerting:',
          '  alertmanagers:',
          `    - scheme: ${url.protocol.replace(':', '')}`,
          `      path_prefix: ${url.pathname === '' ? '/' : url.pathname}`,
          '      api_version: v2',
          '      authorization:',
          `        credentials: ${keyPlaceholder}`,
          '      static_configs:',
          `        - targets: ['${url.host}']`,
        ].join('\n'),
      },
      curlSnippet(server, '/api/v2/alerts', [{ labels: testLabels }], bearer),
    ];
  },
  alertmanager: (server, integration) => [
    {
      id: 'alertmanager',
      language: 'yaml',
      text: [
        'receivers:',
        '  - name: astreinte',
        '    webhook_configs:',
        `      - url: ${server.origin}${integration.endpoint}`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        `            credentials: ${keyPlaceholder}`,
      ].join('\n'),
    },
    curlSnippet(
      server,
      integration.endpoint,
      { version: '4', status: 'firing', alerts: [{ status: 'firing', labels: testLabels, annotations: {} }] },
      bearer,
    ),
  ],
  pagerduty: (server, integration) => [
    {
      id: 'pagerduty',
      language: 'yaml',
      text: [
        'receivers:',
        '  - name: astreinte',
        '    pagerduty_configs:',
        `      - routing_key: ${keyPlaceholder}`,
        `        url: ${server.origin}${integration.endpoint}`,
        '        send_resolved: true',
      ].join('\n'),
    },
    curlSnippet(
      server,
      integration.endpoint,
      {
        routing_key: keyPlaceholder,
        event_action: 'trigger',
        payload: { summary: 'Astreinte setup check', source: 'curl', severity: 'warning' },
      },
      null,
    ),
  ],
  webhook: (server, integration) => [
    curlSnippet(
      server,
      integration.endpoint,
      // A webhook always has a mapping (its kind requires one); without, the usual field names.
      sampleFor(integration.settings.mapping),
      bearer,
    ),
  ],
  heartbeat: (server, integration) => [
    {
      id: 'heartbeat',
      language: 'shell',
      text: `curl -fsS '${server.origin}${integration.endpoint.replace('{key}', keyPlaceholder)}'`,
    },
  ],
};

/** A body a webhook's mapping reads: each `$.field` path of the mapping gets a sample value. */
function sampleFor(mapping: unknown): Record<string, string> {
  const samples: Record<string, string> = { title: 'Astreinte setup check', severity: 'warning', status: 'firing' };
  const body: Record<string, string> = {};
  if (typeof mapping !== 'object' || mapping === null) return samples;
  for (const [field, path] of Object.entries(mapping)) {
    const match = typeof path === 'string' ? /^\$\.([A-Za-z0-9_]+)$/.exec(path) : null;
    if (match?.[1] !== undefined) body[match[1]] = samples[field] ?? 'setup-check-1';
  }
  return Object.keys(body).length > 0 ? body : samples;
}

/** The configurations to paste into an integration's sender, with the real URL and a placeholder for the key. */
export function senderSnippets(integration: Integration, origin: string = window.location.origin): SenderSnippet[] {
  return snippetsByKind[integration.kind]({ origin: origin.replace(/\/+$/, '') }, integration);
}
