import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../web/src/incident-tools/fill-template.js';
import type { Incident } from '../../web/src/types.js';

const incident = {
  id: 'INC-12',
  title: 'Dispatch slow',
  severity: 'P2',
  status: 'acknowledged',
  services: ['dispatch', 'osrm'],
} as unknown as Incident;
const now = new Date('2026-12-05T03:04:00Z');

describe('filling a communication template from an incident', () => {
  it('fills the blanks the incident answers, whatever their spelling, and leaves the others', () => {
    const body = 'ALERTE P[1-3] — [Titre] ({{ severite }}) sur <service>; ${INCIDENT_ID}; contact [Responsable]';
    const filled = fillTemplate(
      body,
      ['P[1-3]', 'Titre', 'severite', 'service', 'INCIDENT_ID', 'Responsable'],
      incident,
      now,
      'en-GB',
    );
    expect(filled).toBe('ALERTE P2 — Dispatch slow (P2) sur dispatch, osrm; INC-12; contact [Responsable]');
  });

  it('matches French names with accents and spaces to the same facts', () => {
    const filled = fillTemplate(
      '[Sévérité] / [Services impactés] / [Statut]',
      ['Sévérité', 'Services impactés', 'Statut'],
      incident,
      now,
      'fr-FR',
    );
    expect(filled).toBe('P2 / dispatch, osrm / acknowledged');
  });

  it('leaves a template without blanks as it is', () => {
    expect(fillTemplate('All good.', [], incident, now, 'en-GB')).toBe('All good.');
  });
});
