import type { RenderedMessage } from '../../src/notifications/delivery-result.js';
import type { NotificationVars } from '../../src/notifications/templates/template-model.js';

/** An incident page with every variable set, each value recognisable in a rendered message. */
export const fullVars: NotificationVars = {
  incidentId: 'INC-42',
  title: 'Checkout API errors > 20% & <rising>',
  severity: 'P1',
  status: 'triggered',
  services: ['checkout', 'payments'],
  summary: 'Error rate jumped after the 14:00 deploy.\nRollback started.',
  incidentUrl: 'https://astreinte.example.com/incidents/INC-42',
  ackUrl: 'https://astreinte.example.com/ack/AQBnZ2cHSU5DLTQy.sig-sig-sig',
  level: 2,
  runbooks: [
    { title: 'Roll back checkout', url: 'https://astreinte.example.com/runbooks/rollback?step=1&dry=0' },
    { title: 'Drain a region', url: 'https://astreinte.example.com/runbooks/drain' },
  ],
  occurredAt: '2025-03-14T14:04:00Z',
  timeZone: 'Europe/Paris',
  actor: 'Alice Martin',
  silentMinutes: 15,
  step: 'Restart the checkout pods',
  command: 'kubectl rollout restart deployment/checkout --namespace=<prod>',
};

/** The same incident with only the required variables. */
export const minimalVars: NotificationVars = {
  incidentId: 'INC-7',
  title: 'Disk almost full on db-1',
  severity: 'P3',
  status: 'acknowledged',
  services: [],
  summary: '',
  incidentUrl: 'https://astreinte.example.com/incidents/INC-7',
  occurredAt: '2025-07-01T02:30:00Z',
};

export const sampleMessage: RenderedMessage = {
  subject: '[P1] INC-42 triggered: Checkout API errors',
  short: 'P1 INC-42: Checkout API errors & more',
  text: '**INC-42 triggered**\n\n- Severity: **P1**\n- Status: triggered\n\n[Open the incident](https://astreinte.example.com/incidents/INC-42)',
  severity: 'P1',
};
