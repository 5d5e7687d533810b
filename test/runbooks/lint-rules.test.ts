import { describe, expect, it } from 'vitest';
import { destructiveWithoutDiagnosis } from '../../src/runbooks/lint/destructive-without-diagnosis.js';
import { inlineSecret } from '../../src/runbooks/lint/inline-secret.js';
import type { LintContext } from '../../src/runbooks/lint/lint-model.js';
import { hasErrors, lintExtraction, lintRunbook } from '../../src/runbooks/lint/lint-runbook.js';
import { noVerification } from '../../src/runbooks/lint/no-verification.js';
import { parameterUnexplained } from '../../src/runbooks/lint/parameter-unexplained.js';
import {
  findContactPlaceholders,
  placeholderContact,
  placeholderContactDrafts,
} from '../../src/runbooks/lint/placeholder-contact.js';
import { unknownService } from '../../src/runbooks/lint/unknown-service.js';
import { cleanRunbook, draft, runbook, section, step } from './runbook-fixtures.js';

const context: LintContext = {
  services: [
    { id: 'dispatch-api', name: 'Dispatch API' },
    { id: 'redis', name: 'Redis cache' },
  ],
};

describe('lint rules', () => {
  it('finds nothing to say about a runbook that looks, acts and verifies', () => {
    expect(lintRunbook(cleanRunbook(), context, 'redis-down')).toEqual([]);
  });

  describe('no-verification', () => {
    it('warns about a runbook with steps and no verification', () => {
      const findings = noVerification(runbook('Queue full', [section('resolution', 'Fix', [step('s1')])]), context);
      expect(findings).toEqual([expect.objectContaining({ rule: 'no-verification', severity: 'warning', line: 1 })]);
    });

    it('accepts a verification section, a step titled as a check, and a runbook without steps', () => {
      expect(noVerification(cleanRunbook(), context)).toEqual([]);
      const titled = runbook('Queue full', [
        section('resolution', 'Fix', [step('s1'), step('s2', { title: 'Vérifier la file' })]),
      ]);
      expect(noVerification(titled, context)).toEqual([]);
      expect(noVerification(runbook('Empty', [section('overview', 'Overview')]), context)).toEqual([]);
    });
  });

  describe('destructive-without-diagnosis', () => {
    it('fails a destructive step that comes before any read-only step', () => {
      const rb = runbook('Disk full', [
        section('resolution', 'Fix', [
          step('s1', { risk: 'destructive', body: 'rm -rf /var/log/app/*', line: 8 }),
          step('s2', { risk: 'read-only', body: 'df -h' }),
          step('s3', { risk: 'destructive', body: 'rm -rf /tmp/cache' }),
        ]),
      ]);
      expect(destructiveWithoutDiagnosis(rb, context)).toEqual([
        expect.objectContaining({ rule: 'destructive-without-diagnosis', severity: 'error', stepId: 's1', line: 8 }),
      ]);
    });

    it('accepts a destructive step after a read-only command or a diagnosis section', () => {
      const afterCommand = runbook('Disk full', [
        section('resolution', 'Fix', [step('s1', { body: 'df -h' }), step('s2', { risk: 'destructive' })]),
      ]);
      expect(destructiveWithoutDiagnosis(afterCommand, context)).toEqual([]);
      const afterDiagnosis = runbook('Disk full', [
        section('diagnosis', 'Diagnosis', [
          step('s1', { kind: 'manual', body: 'Open the dashboard', language: null, risk: 'changing' }),
        ]),
        section('resolution', 'Fix', [step('s2', { risk: 'destructive' })]),
      ]);
      expect(destructiveWithoutDiagnosis(afterDiagnosis, context)).toEqual([]);
    });

    it('does not count a manual step that does not look at anything as a diagnosis', () => {
      const rb = runbook('Disk full', [
        section('resolution', 'Fix', [
          step('s1', { kind: 'manual', language: null, body: 'Tell the team in #ops' }),
          step('s2', { risk: 'destructive' }),
        ]),
      ]);
      expect(destructiveWithoutDiagnosis(rb, context).map((f) => f.stepId)).toEqual(['s2']);
    });
  });

  describe('parameter-unexplained', () => {
    const parameter = (name: string, token: string, description: string | null = null) => ({
      name,
      form: 'angle' as const,
      secret: false,
      token,
      description,
    });

    it('warns once about a parameter the prose never mentions', () => {
      const rb = runbook('Task stuck', [
        section('resolution', 'Fix', [
          step('s1', {
            body: 'celery inspect query_task <task_id>',
            parameters: [parameter('task_id', '<task_id>')],
            line: 7,
          }),
          step('s2', { body: 'celery control revoke <task_id>', parameters: [parameter('task_id', '<task_id>')] }),
        ]),
      ]);
      expect(parameterUnexplained(rb, context)).toEqual([
        expect.objectContaining({ rule: 'parameter-unexplained', severity: 'warning', stepId: 's1', line: 7 }),
      ]);
    });

    it('accepts a parameter the prose names (any case, spaces for underscores) or that has a description', () => {
      const inProse = runbook('Task stuck', [
        section(
          'resolution',
          'Fix',
          [
            step('s1', {
              body: 'celery inspect query_task <task_id>',
              parameters: [parameter('task_id', '<task_id>')],
            }),
          ],
          { text: 'Find the Task ID in the Flower dashboard.' },
        ),
      ]);
      expect(parameterUnexplained(inProse, context)).toEqual([]);
      const described = runbook('Task stuck', [
        section('resolution', 'Fix', [
          step('s1', {
            body: 'redis-cli -h ${REDIS_HOST}',
            parameters: [parameter('REDIS_HOST', '${REDIS_HOST}', 'the primary')],
          }),
        ]),
      ]);
      expect(parameterUnexplained(described, context)).toEqual([]);
    });
  });

  describe('inline-secret', () => {
    it('fails a step with a secret in its code, pointing at its line', () => {
      const rb = runbook('Redis auth', [
        section('resolution', 'Fix', [
          step('s1', {
            body: 'redis-cli -a s3cret ping',
            inlineSecrets: [{ line: 1, reason: 'password after -a' }],
            line: 20,
          }),
        ]),
      ]);
      expect(inlineSecret(rb, context)).toEqual([
        expect.objectContaining({
          rule: 'inline-secret',
          severity: 'error',
          stepId: 's1',
          line: 21,
          message: expect.stringContaining('password after -a'),
        }),
      ]);
    });

    it('accepts steps without inline secrets', () => {
      expect(inlineSecret(cleanRunbook(), context)).toEqual([]);
    });
  });

  describe('placeholder-contact', () => {
    it('recognises masked numbers and bracketed stand-ins, not real numbers or links', () => {
      expect(findContactPlaceholders('Appeler le +41 21 XXX XX XX ou le +33 X XX XX XX XX')).toEqual([
        '+41 21 XXX XX XX',
        '+33 X XX XX XX XX',
      ]);
      expect(findContactPlaceholders('Support : [Numéro support], astreinte 06 XX XX XX XX')).toEqual([
        '06 XX XX XX XX',
        '[Numéro support]',
      ]);
      expect(
        findContactPlaceholders('Call +41 21 555 12 34, see [the phone list](https://wiki/phones), box XX'),
      ).toEqual([]);
    });

    it('warns about contacts drafts with placeholder numbers, and not about real ones', () => {
      const drafts = [
        draft('contacts', 'Contacts', { people: [{ name: 'DBA on call', phone: '+41 21 XXX XX XX' }] }, 60),
        draft('contacts', 'Vendors', { people: [{ name: 'Hoster', phone: '+41 21 555 12 34' }] }, 80),
        draft('checklist', 'Checklist', { items: ['call +33 X XX XX XX XX'] }, 90),
      ];
      expect(placeholderContactDrafts(drafts)).toEqual([
        expect.objectContaining({
          rule: 'placeholder-contact',
          severity: 'warning',
          line: 60,
          message: expect.stringContaining('+41 21 XXX XX XX'),
        }),
      ]);
    });

    it('warns about placeholder numbers in a runbook’s escalation text', () => {
      const rb = runbook('Outage', [
        section('escalation', 'Escalade', [], {
          text: 'Appeler [Numéro support] si rien ne bouge.',
          lines: { start: 30, end: 32 },
        }),
      ]);
      expect(placeholderContact(rb, context)).toEqual([
        expect.objectContaining({ rule: 'placeholder-contact', line: 30 }),
      ]);
      expect(placeholderContact(cleanRunbook(), context)).toEqual([]);
    });
  });

  describe('unknown-service', () => {
    it('warns about a service the catalogue knows by neither id nor name', () => {
      const rb = runbook('Dispatch down', [], { metadata: { services: ['dispatch-api', 'redis cache', 'Billing'] } });
      expect(unknownService(rb, context)).toEqual([
        expect.objectContaining({
          rule: 'unknown-service',
          severity: 'warning',
          message: expect.stringContaining('"Billing"'),
        }),
      ]);
    });

    it('is off when the catalogue is not known', () => {
      const rb = runbook('Dispatch down', [], { metadata: { services: ['Billing'] } });
      expect(unknownService(rb, { services: null })).toEqual([]);
    });
  });

  it('lints an extraction: every runbook under its slug, the drafts once, errors first on a line', () => {
    const risky = runbook(
      'Disk full!',
      [section('resolution', 'Fix', [step('s1', { risk: 'destructive', line: 1 })])],
      { lines: { start: 1, end: 9 } },
    );
    const extraction = {
      runbooks: [cleanRunbook(), risky],
      drafts: [draft('contacts', 'Contacts', { phone: '+33 X XX XX XX XX' })],
      leftovers: [],
    };
    const findings = lintExtraction(extraction, { services: null });
    expect(findings.map((f) => [f.runbookId, f.rule, f.line])).toEqual([
      ['disk-full', 'destructive-without-diagnosis', 1],
      ['disk-full', 'no-verification', 1],
      [undefined, 'placeholder-contact', 50],
    ]);
    expect(hasErrors(findings)).toBe(true);
    expect(hasErrors(findings.filter((f) => f.severity === 'warning'))).toBe(false);
  });
});
