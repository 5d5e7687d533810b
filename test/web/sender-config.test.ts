import { describe, expect, it } from 'vitest';
import { integrationKindNames } from '../../src/alerts/ingest/ingest-kind-names.js';
import { endpointOf } from '../../src/alerts/ingest/ingest-kinds.js';
import type { Integration } from '../../web/src/admin/admin-types.js';
import { draftOf, parseLabelLines, settingsOf } from '../../web/src/admin/integration-settings-draft.js';
import { senderSnippets } from '../../web/src/admin/sender-config.js';

const integrationOf = (kind: Integration['kind']): Integration => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: kind,
  kind,
  keyHint: 'abcd',
  serviceId: null,
  settings: kind === 'webhook' ? { mapping: { title: '$.summary', dedupKey: '$.ref' } } : {},
  endpoint: endpointOf(kind),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  disabledAt: null,
});

describe('the sender configuration of each kind', () => {
  it.each(integrationKindNames)('gives %s a snippet with the real address and the key placeholder', (kind) => {
    const snippets = senderSnippets(integrationOf(kind), 'https://oncall.example.org/');
    expect(snippets.length).toBeGreaterThan(0);
    const text = snippets.map((snippet) => snippet.text).join('\n');
    expect(text).toContain('oncall.example.org');
    expect(text).toContain('YOUR_KEY');
    expect(text).not.toContain('//api');
  });

  it("fills a webhook's sample body with the fields its mapping reads", () => {
    const [curl] = senderSnippets(integrationOf('webhook'), 'https://oncall.example.org');
    expect(curl?.text).toContain(`-d '{"summary":"Astreinte setup check","ref":"setup-check-1"}'`);
  });
});

describe('the settings form state', () => {
  it('writes the defaults out and gives back the settings typed, keeping the kind-only ones', () => {
    const saved = { heartbeat: { periodSeconds: 60 } };
    const draft = draftOf(saved);
    expect(draft).toMatchObject({ groupBy: 'alertname', serviceLabels: 'service, app, job', autoResolve: true });
    const typed = settingsOf(
      { ...draft, groupBy: 'alertname, cluster', groupWindow: '30', severityRows: [{ key: ' sev0 ', value: 'P1' }] },
      saved,
    );
    expect(typed).toMatchObject({
      heartbeat: { periodSeconds: 60 },
      groupBy: ['alertname', 'cluster'],
      groupWindowMinutes: 30,
      severityMap: { sev0: 'P1' },
    });
  });

  it('reads labels one a line and names the lines that are not name=value', () => {
    expect(parseLabelLines('alertname=Disk\nseverity: "critical"\n\nnot a label')).toEqual({
      labels: { alertname: 'Disk', severity: 'critical' },
      badLines: [4],
    });
  });
});
