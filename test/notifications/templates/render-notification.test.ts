import { describe, expect, it } from 'vitest';
import { notificationLocales } from '../../../src/notifications/channel-model.js';
import { defaultTemplates } from '../../../src/notifications/templates/default-templates.js';
import { renderNotification, smsMaxLength } from '../../../src/notifications/templates/render-notification.js';
import { notificationKinds, type NotificationKind } from '../../../src/notifications/templates/template-model.js';
import { formatTime } from '../../../src/notifications/templates/template-view.js';
import { fullVars, minimalVars } from '../notification-fixtures.js';

const statusWord = { en: 'triggered', fr: 'déclenché' } as const;
const pages: ReadonlySet<NotificationKind> = new Set(['triggered', 'escalated']);

// What each kind must show besides the incident itself.
const kindSpecific: Record<NotificationKind, (text: string) => void> = {
  triggered: () => undefined,
  escalated: (text) => expect(text).toMatch(/level 2|niveau 2/),
  acknowledged: (text) => expect(text).toContain('Alice Martin'),
  resolved: (text) => expect(text).toContain('Alice Martin'),
  status_reminder: (text) => expect(text).toMatch(/15 min/),
  // The approver sees what would run and who asked, before opening anything.
  approval_requested: (text) => {
    expect(text).toContain('Restart the checkout pods');
    expect(text).toMatch(/kubectl rollout restart deployment\/checkout --namespace=(<|&lt;)prod(>|&gt;)/);
    expect(text).toContain('Alice Martin');
  },
  test: (text) => expect(text).toMatch(/nothing needs doing|rien à faire/),
};

describe.each(notificationLocales)('the %s default templates', (locale) => {
  describe.each(notificationKinds)('%s', (kind) => {
    const email = renderNotification({ kind, locale, channel: 'email', vars: fullVars });
    const chat = renderNotification({ kind, locale, channel: 'mattermost', vars: fullVars });
    const sms = renderNotification({ kind, locale, channel: 'sms', vars: fullVars });

    it('puts every variable of the incident in the e-mail text, the chat body and the HTML', () => {
      const time = formatTime(fullVars.occurredAt, 'Europe/Paris', locale);
      for (const body of [email.text, chat.text, email.html!]) {
        expect(body).toContain('INC-42');
        expect(body).toContain('P1');
        expect(body).toContain(statusWord[locale]);
        expect(body).toContain('checkout, payments');
        expect(body).toContain(time);
        expect(body).toContain(fullVars.incidentUrl);
        kindSpecific[kind](body);
      }
      expect(email.text).toContain(fullVars.title);
      expect(email.text).toContain(fullVars.summary);
      expect(chat.text).toContain(fullVars.summary);
      expect(email.html).toContain('Error rate jumped after the 14:00 deploy.<br>\nRollback started.');
    });

    it(
      pages.has(kind) ? 'offers the acknowledge link and the runbooks' : 'offers neither acknowledge link nor runbooks',
      () => {
        for (const body of [email.text, chat.text, email.html!]) {
          expect(body.includes(fullVars.ackUrl!)).toBe(pages.has(kind));
          expect(body.includes('Roll back checkout')).toBe(pages.has(kind));
          expect(body.includes('https://astreinte.example.com/runbooks/drain')).toBe(pages.has(kind));
        }
        if (pages.has(kind)) {
          expect(chat.text).toContain(
            '- [Roll back checkout](https://astreinte.example.com/runbooks/rollback?step=1&dry=0)',
          );
          expect(email.html).toContain(
            '<a href="https://astreinte.example.com/runbooks/rollback?step=1&amp;dry=0">Roll back checkout</a>',
          );
          expect(sms.text).toContain(fullVars.ackUrl);
        }
      },
    );

    it('escapes HTML in the HTML part only', () => {
      expect(email.html).toContain('Checkout API errors &gt; 20% &amp; &lt;rising&gt;');
      expect(email.html).not.toContain('<rising>');
      expect(email.html!.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(email.html).toContain(`<html lang="${locale}">`);
      for (const plain of [email.short, email.text, chat.text]) expect(plain).toContain('> 20% & <rising>');
    });

    it('keeps the SMS within one segment of GSM characters', () => {
      expect(sms.text.length).toBeLessThanOrEqual(smsMaxLength);
      expect(sms.text).toContain('INC-42');
      // Outside the GSM 7-bit basic set, one character makes the SMS UCS-2 (70 a segment).
      const template = defaultTemplates[locale][kind].short.replace(/{{[^}]*}}/g, '');
      expect(template).toMatch(/^[A-Za-z0-9 .,:;!?'"()@£$¥èéùìòÇØøÅåÄÖÑÜ§äöñüà&%*+\-/<>=#_\n]*$/);
    });

    it('writes subject and short text on one line each', () => {
      for (const line of [email.subject, email.short, sms.text]) expect(line).not.toMatch(/\n/);
    });

    it('leaves out what the incident does not have, without empty lines piling up', () => {
      const message = renderNotification({ kind, locale, channel: 'email', vars: minimalVars });
      const markdown = renderNotification({ kind, locale, channel: 'teams', vars: minimalVars });
      for (const body of [message.text, markdown.text, message.html!]) {
        expect(body).not.toMatch(/Services|Runbooks|Acknowledge|Acquitter/);
        expect(body).not.toMatch(/\n\n\n/);
        expect(body).toContain(formatTime(minimalVars.occurredAt, undefined, locale));
      }
      expect(message.html).not.toContain('<p></p>');
    });
  });
});

describe('renderNotification', () => {
  it('renders the English triggered page for chat exactly', () => {
    expect(renderNotification({ kind: 'triggered', locale: 'en', channel: 'teams', vars: fullVars }).text).toBe(
      [
        '**INC-42 triggered: Checkout API errors > 20% & <rising>**',
        '',
        'Error rate jumped after the 14:00 deploy.',
        'Rollback started.',
        '',
        '- Severity: **P1**',
        '- Status: triggered',
        '- Services: checkout, payments',
        '- Time: 14 Mar 2025, 15:04 (Europe/Paris)',
        '',
        'Runbooks:',
        '- [Roll back checkout](https://astreinte.example.com/runbooks/rollback?step=1&dry=0)',
        '- [Drain a region](https://astreinte.example.com/runbooks/drain)',
        '',
        `[Acknowledge](${fullVars.ackUrl}) · [Open the incident](${fullVars.incidentUrl})`,
      ].join('\n'),
    );
  });

  it('renders the French escalation SMS exactly', () => {
    expect(
      renderNotification({
        kind: 'escalated',
        locale: 'fr',
        channel: 'sms',
        vars: { ...fullVars, title: 'Checkout en erreur' },
      }).text,
    ).toBe(`P1 INC-42 escaladé niveau 2 : Checkout en erreur. Acquitter : ${fullVars.ackUrl}`);
  });

  it('writes Slack mrkdwn: single-star bold, <url|label> links, & < > escaped', () => {
    const text = renderNotification({ kind: 'triggered', locale: 'en', channel: 'slack', vars: fullVars }).text;
    expect(text.split('\n')[0]).toBe('*INC-42 triggered: Checkout API errors &gt; 20% &amp; &lt;rising&gt;*');
    expect(text).toContain('- Severity: *P1*');
    expect(text).toContain('- <https://astreinte.example.com/runbooks/rollback?step=1&amp;dry=0|Roll back checkout>');
    expect(text).toContain(`<${fullVars.ackUrl}|Acknowledge> · <${fullVars.incidentUrl}|Open the incident>`);
    expect(text).not.toContain('**');
  });

  it('does not take Markdown inside a title for Slack syntax', () => {
    const text = renderNotification({
      kind: 'resolved',
      locale: 'en',
      channel: 'slack',
      vars: { ...fullVars, title: '[fake](https://evil.example) **x**' },
    }).text;
    expect(text).toContain('[fake](https://evil.example) **x**');
  });

  it("shows the time in the recipient's zone and language, UTC when the zone is unknown", () => {
    expect(formatTime('2025-03-14T14:04:00Z', 'America/New_York', 'en')).toBe('14 Mar 2025, 10:04 (America/New_York)');
    expect(formatTime('2025-03-14T14:04:00Z', 'Europe/Paris', 'fr')).toMatch(/^14 mars 2025.*15:04 \(Europe\/Paris\)$/);
    expect(formatTime('2025-03-14T14:04:00Z', 'Mars/Olympus_Mons', 'en')).toBe('14 Mar 2025, 14:04 (UTC)');
    expect(formatTime('2025-07-01T02:30:00Z', undefined, 'en')).toBe('1 Jul 2025, 02:30 (UTC)');
  });

  it('shortens a long title so that the SMS fits in 160 characters', () => {
    const title =
      'Payment provider timeouts on every checkout attempt in eu-west-1 and eu-central-1 since the network change';
    const text = renderNotification({
      kind: 'triggered',
      locale: 'en',
      channel: 'sms',
      vars: { ...fullVars, title },
    }).text;
    expect(text).toHaveLength(smsMaxLength);
    expect(text).toMatch(/^P1 INC-42: Payment provider timeouts .*\.\.\.\. Ack: https:/);
    expect(text.endsWith(fullVars.ackUrl!)).toBe(true);
  });

  it("uses an admin's override for the parts it gives and the defaults for the rest", () => {
    const override = {
      subject: 'PAGE {{severity}} {{incidentId}}',
      short: '{{incidentId}} {{title}} → {{ackUrl}}',
      html: '<h1>{{title}}</h1>',
    };
    const email = renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars, override });
    expect(email.subject).toBe('PAGE P1 INC-42');
    expect(email.short).toBe(`INC-42 ${fullVars.title} → ${fullVars.ackUrl}`);
    expect(email.html).toContain('<h1>Checkout API errors &gt; 20% &amp; &lt;rising&gt;</h1>');
    expect(email.text).toBe(
      renderNotification({ kind: 'triggered', locale: 'en', channel: 'email', vars: fullVars }).text,
    );
    const sms = renderNotification({ kind: 'triggered', locale: 'en', channel: 'sms', vars: fullVars, override });
    expect(sms.text).toBe(email.short);
  });

  it('falls back to the default for an override part that does not render', () => {
    const message = renderNotification({
      kind: 'resolved',
      locale: 'fr',
      channel: 'email',
      vars: fullVars,
      override: { subject: '{{#title}}unclosed' },
    });
    expect(message.subject).toBe('[P1] INC-42 résolu : Checkout API errors > 20% & <rising>');
  });
});
