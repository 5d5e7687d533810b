import { describe, expect, it } from 'vitest';
import { renderRunbookMarkdown } from '../../src/runbooks/render-runbook-markdown.js';
import { runbook, section, step } from './runbook-fixtures.js';

describe('canonical runbook Markdown', () => {
  it('renders title, metadata, symptoms, sections, code steps with attributes and numbered manual steps', () => {
    const rb = runbook(
      'Redis down',
      [
        section(
          'diagnosis',
          'Diagnosis',
          [
            step('s1', {
              title: 'Ping Redis',
              body: 'redis-cli -h ${REDIS_HOST} ping\n',
              attributes: { name: 'ping', excludeFromRunAll: 'true' },
            }),
            step('s2', { kind: 'manual', language: null, body: 'Open the Grafana dashboard\nand look at memory.' }),
          ],
          { text: 'Start by checking that Redis answers.' },
        ),
        section('resolution', 'Resolution', [
          step('s3', { body: 'systemctl restart redis', phase: 'short-term' }),
          step('s4', { kind: 'config', language: 'yaml', body: 'maxmemory: 2gb', phase: 'long-term' }),
        ]),
      ],
      {
        metadata: {
          severity: { raw: 'P1 (critical)', level: 'P1' },
          impact: 'Dispatch cannot\nassign missions',
          rto: { raw: '30 min', minutes: 30 },
          rpo: { raw: '0', minutes: 0 },
          services: ['dispatch-api', 'redis'],
        },
        symptoms: [{ text: '`ECONNREFUSED` in the API logs', kind: 'error', terms: ['ECONNREFUSED'], line: 4 }],
      },
    );
    expect(renderRunbookMarkdown(rb)).toBe(
      [
        '# Redis down',
        '',
        '<!-- astreinte: kind=incident -->',
        '',
        '**Severity**: P1 (critical)',
        '**Impact**: Dispatch cannot assign missions',
        '**RTO**: 30 min',
        '**RPO**: 0',
        '**Services**: dispatch-api, redis',
        '',
        '## Symptoms',
        '',
        '- `ECONNREFUSED` in the API logs',
        '',
        '## Diagnosis',
        '',
        'Start by checking that Redis answers.',
        '',
        'Ping Redis:',
        '',
        '```shell {"excludeFromRunAll":"true","name":"ping"}',
        'redis-cli -h ${REDIS_HOST} ping',
        '```',
        '',
        '2. Open the Grafana dashboard',
        '   and look at memory.',
        '',
        '## Resolution',
        '',
        '```shell',
        'systemctl restart redis',
        '```',
        '',
        '```yaml',
        'maxmemory: 2gb',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('uses a longer fence when the code holds backticks, and marks a section whose title hides its kind', () => {
    const rb = runbook(
      'Reprise',
      [
        section('recovery', 'Étapes', [
          step('s1', { language: 'markdown', body: '```sh\nls\n```', title: 'Liste *tout*' }),
        ]),
      ],
      { language: 'fr' },
    );
    const markdown = renderRunbookMarkdown(rb);
    expect(markdown).toContain(
      '## Étapes\n\n<!-- astreinte: section=recovery -->\n\nListe \\*tout\\*:\n\n````markdown\n```sh\nls\n```\n````\n',
    );
  });

  it('keeps front matter, and renders a symptoms section in place of the symptoms list', () => {
    const rb = runbook('Queue full', [section('symptoms', 'Symptômes', [])], {
      metadata: { frontMatter: { owner: 'ops', tags: ['queue'] } },
      symptoms: [{ text: 'queue depth > 10k', kind: 'metric', terms: [], line: 6 }],
    });
    expect(renderRunbookMarkdown(rb)).toBe(
      '---\nowner: ops\ntags:\n  - queue\n---\n\n# Queue full\n\n<!-- astreinte: kind=incident -->\n\n## Symptômes\n\n- queue depth > 10k\n',
    );
  });

  it('gives the same text for the same structure', () => {
    const rb = runbook('Stable', [section('resolution', 'Fix', [step('s1', { attributes: { b: '2', a: '1' } })])]);
    expect(renderRunbookMarkdown(rb)).toBe(renderRunbookMarkdown(structuredClone(rb)));
    expect(renderRunbookMarkdown(rb)).toContain('```shell {"a":"1","b":"2"}');
  });
});
