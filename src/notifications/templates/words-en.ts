import type { TemplateWords } from './default-templates.js';

const pageLink =
  '{{#ackCode}} Reply ACK {{ackCode}}.{{/ackCode}}{{#ackUrl}} Ack: {{ackUrl}}{{/ackUrl}}{{^ackUrl}} {{incidentUrl}}{{/ackUrl}}';

/** English wording of the built-in templates. */
export const englishWords: TemplateWords = {
  severity: 'Severity:',
  status: 'Status:',
  services: 'Services:',
  time: 'Time:',
  runbooks: 'Runbooks:',
  acknowledge: 'Acknowledge',
  openIncident: 'Open the incident',
  replyHint: 'Or reply to this e-mail: any answer acknowledges, RESOLVE on its first line resolves.',
  signature: 'Astreinte incident response',
  colon: ':',
  kinds: {
    triggered: {
      subject: '[{{severity}}] {{incidentId}} triggered: {{title}}',
      short: `{{severity}} {{incidentId}}: {{title}}.${pageLink}`,
      headline: '{{incidentId}} triggered: {{title}}',
      page: true,
    },
    escalated: {
      subject: '[{{severity}}] {{incidentId}} escalated to level {{level}}: {{title}}',
      short: `{{severity}} {{incidentId}} escalated to level {{level}}: {{title}}.${pageLink}`,
      headline: '{{incidentId}} escalated to level {{level}}: {{title}}',
      intro: 'Nobody acknowledged it in time: you are now being paged.',
      page: true,
    },
    acknowledged: {
      subject: '[{{severity}}] {{incidentId}} acknowledged: {{title}}',
      short: '{{incidentId}} acknowledged{{#actor}} by {{actor}}{{/actor}}: {{title}}',
      headline: '{{incidentId}} acknowledged{{#actor}} by {{actor}}{{/actor}}: {{title}}',
      intro: 'Someone is on it; escalation has stopped.',
      page: false,
    },
    resolved: {
      subject: '[{{severity}}] {{incidentId}} resolved: {{title}}',
      short: '{{incidentId}} resolved{{#actor}} by {{actor}}{{/actor}}: {{title}}',
      headline: '{{incidentId}} resolved{{#actor}} by {{actor}}{{/actor}}: {{title}}',
      page: false,
    },
    status_reminder: {
      subject: '[{{severity}}] {{incidentId}}: no status update for {{silentMinutes}} min',
      short: '{{incidentId}} ({{title}}): no status update for {{silentMinutes}} min. {{incidentUrl}}',
      headline: '{{incidentId}} has had no status update for {{silentMinutes}} minutes: {{title}}',
      intro: 'Stakeholders are waiting for news: post a status update on the incident page.',
      page: false,
    },
    approval_requested: {
      subject: '[{{severity}}] {{incidentId}}: approval needed for "{{step}}"',
      short: '{{incidentId}} ({{title}}): {{actor}} asks you to approve "{{step}}". {{incidentUrl}}',
      headline: '{{incidentId}}: "{{step}}" waits for your approval',
      intro: '{{actor}} asked to run this destructive step on {{title}}. Check the command, then approve or refuse it.',
      page: false,
      command: true,
      link: 'Open the request',
    },
    test: {
      subject: '[Astreinte] Test message: {{title}}',
      short: 'Astreinte {{incidentId}}: {{title}}. Test message, nothing to do.',
      headline: 'Test message: {{title}}',
      intro: 'Sent from the console to check this channel. Nothing is wrong and nothing needs doing.',
      page: false,
    },
  },
};
