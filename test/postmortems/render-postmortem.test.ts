import { describe, expect, it } from 'vitest';
import { measureIncidentDurations } from '../../src/postmortems/measure-incident-durations.js';
import type { CorrectiveAction, PostmortemFacts } from '../../src/postmortems/postmortem-model.js';
import { renderPostmortemHtml } from '../../src/postmortems/render-postmortem-html.js';
import { renderPostmortemMarkdown } from '../../src/postmortems/render-postmortem-markdown.js';
import { event, postmortemOf } from './postmortem-fixtures.js';

const events = [
  event(1, 'incident_declared', '2026-10-24T22:50:00Z', { severity: 'P2', title: 'Dispatch <stuck>' }),
  event(2, 'incident_acknowledged', '2026-10-24T23:05:00Z'),
  event(3, 'incident_resolved', '2026-10-25T01:20:00Z', { note: 'restarted | the <b>worker</b>' }),
];
const facts: PostmortemFacts = {
  incident: {
    id: 'INC-7',
    title: 'Dispatch <stuck>',
    severity: 'P2',
    services: ['dispatch'],
    detectedAt: '2026-10-24T22:50:00.000Z',
    resolvedAt: '2026-10-25T01:20:00.000Z',
    status: 'resolved',
  },
  moments: [
    {
      seq: 1,
      at: '2026-10-24T22:50:00.000Z',
      kind: 'declared',
      text: 'Incident declared by Camille (P2): Dispatch <stuck>',
    },
    { seq: 2, at: '2026-10-24T23:05:00.000Z', kind: 'acknowledged', text: 'Acknowledged by Camille' },
    {
      seq: 3,
      at: '2026-10-25T01:20:00.000Z',
      kind: 'resolved',
      text: 'Resolved by Camille: restarted | the <b>worker</b>',
    },
  ],
  durations: measureIncidentDurations({
    detectedAt: '2026-10-24T22:50:00Z',
    firstAlertStartsAt: null,
    resolutionTargetMinutes: 240,
    services: [{ id: 'dispatch', name: 'Dispatch', rtoMinutes: 60 }],
    events,
  }),
};
const action: CorrectiveAction = {
  id: '00000000-0000-4000-8000-000000000002',
  postmortemId: '00000000-0000-4000-8000-000000000001',
  incidentId: 'INC-7',
  title: 'Alert on <queue> depth',
  owner: { userId: 'u1', name: 'Noah' },
  dueDate: '2026-10-20',
  status: 'open',
  term: 'short',
  doneAt: null,
  overdue: true,
  createdAt: '2026-10-25T09:00:00.000Z',
  updatedAt: '2026-10-25T09:00:00.000Z',
};
const now = new Date('2026-10-26T09:00:00Z');

describe('rendering a post-mortem', () => {
  // Europe/Paris leaves summer time at 01:00 UTC on 25 October 2026: 03:00 CEST becomes 02:00 CET.
  const postmortem = postmortemOf({ facts, timeZone: 'Europe/Paris', actions: [action] });

  it("writes Markdown: facts, the timeline in the post-mortem's zone with the date when it changes, durations against targets, actions", () => {
    const markdown = renderPostmortemMarkdown(postmortem, now);
    expect(markdown).toContain(
      '# Post-mortem: Dispatch <stuck>\n\n**Incident**: INC-7: Dispatch <stuck>  \n**Severity**: P2',
    );
    expect(markdown).toContain('**Date**: 2026-10-25 00:50');
    expect(markdown).toContain('**Duration**: 2 h 30 min');
    expect(markdown).toContain('**Time zone**: Europe/Paris, UTC+02:00 → UTC+01:00');
    expect(markdown).toContain(
      [
        '- **2026-10-25 00:50** Incident declared by Camille (P2): Dispatch <stuck>',
        '- **01:05** Acknowledged by Camille',
        '- **02:20** Resolved by Camille: restarted \\| the <b>worker</b>',
      ].join('\n'),
    );
    expect(markdown).toContain('| Time to acknowledge | 15 min | 2026-10-25 00:50 → 2026-10-25 01:05 |  |');
    expect(markdown).toContain('| Time to mitigate | — | — |  |');
    expect(markdown).toContain(
      '| Time to resolve | 2 h 30 min | 2026-10-25 00:50 → 2026-10-25 02:20 | P2 target 4 h 00 min: met |',
    );
    expect(markdown).toContain(
      '| Time to restore Dispatch | 2 h 30 min | 2026-10-25 00:50 → 2026-10-25 02:20 | RTO 1 h 00 min: missed |',
    );
    expect(markdown).toContain('| Alert on <queue> depth | Noah | 2026-10-20 (overdue) | open | short |');
    expect(markdown).toContain('## Summary\n\nCheckout refused cards.');
    expect(markdown).toContain('## Lessons learned\n\n_To be written._');
  });

  it('writes the same clock times in another zone, and the same durations', () => {
    const markdown = renderPostmortemMarkdown({ ...postmortem, timeZone: 'America/Los_Angeles' }, now);
    expect(markdown).toContain('- **2026-10-24 15:50** Incident declared');
    expect(markdown).toContain('- **18:20** Resolved by Camille');
    expect(markdown).toContain('| Time to resolve | 2 h 30 min |');
  });

  it('writes a printable HTML page without script, every value escaped and Markdown bodies without raw HTML', () => {
    const sections = postmortem.sections.map((section) =>
      section.kind === 'rootCause'
        ? { ...section, body: 'A `lock` held\n\n<script>alert(1)</script>\n\n[see](javascript:alert(2))' }
        : section,
    );
    const html = renderPostmortemHtml({ ...postmortem, sections }, now);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).not.toMatch(/<script|href="javascript/i);
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).toContain('<p>A <code>lock</code> held</p>');
    expect(html).toContain('<h1>Post-mortem: Dispatch &lt;stuck&gt;</h1>');
    expect(html).toContain('<li><time>02:20</time>Resolved by Camille: restarted | the &lt;b&gt;worker&lt;/b&gt;</li>');
    expect(html).toContain('<td>Alert on &lt;queue&gt; depth</td><td>Noah</td><td>2026-10-20 (overdue)</td>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<section class="actions" id="actions">');
    expect(html).toContain('<p class="empty">To be written.</p>');
  });
});
