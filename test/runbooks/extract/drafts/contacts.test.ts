import { describe, expect, it } from 'vitest';
import type { ContactsData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, ofKind, seedDrafts, seedsAvailable } from './draft-fixtures.js';

describe.skipIf(!seedsAvailable)('contacts in the seeds', () => {
  it('reads the emergency contacts of seed 000 and flags the phone number written with X', () => {
    const draft = draftTitled<ContactsData>(seedDrafts('000'), 'contacts', "Contacts d'urgence");
    expect(
      draft.data.contacts.map((contact) => [contact.name, contact.email, contact.phone, contact.placeholder]),
    ).toEqual([
      ['Équipe DevOps', 'devops@atmr.com', null, false],
      ['Équipe Backend', 'backend@atmr.com', null, false],
      ['On-call', null, '+41 21 XXX XX XX', true],
    ]);
    expect(draft.lines).toEqual({ start: 332, end: 336 });
  });

  it('groups the contacts of seed 003 by sub-heading and flags every stand-in', () => {
    const draft = draftTitled<ContactsData>(seedDrafts('003'), 'contacts', "Contacts d'Urgence");
    expect(draft.data.contacts.map((contact) => [contact.group, contact.name, contact.placeholder])).toEqual([
      ['Équipe Technique', 'DevOps Lead', true],
      ['Équipe Technique', 'SRE On-Call', true],
      ['Équipe Technique', 'Security Team', false],
      ['Management', 'CTO', false],
      ['Management', 'VP Engineering', false],
      ['Vendors', 'Cloud Provider', true],
      ['Vendors', 'Database Provider', true],
      ['Vendors', 'CDN Provider', true],
    ]);
    expect(draft.data.contacts[0]?.phone).toBe('+33 X XX XX XX XX');
    expect(draft.data.contacts[2]?.email).toBe('security@company.com');
    expect(draft.data.contacts[5]?.raw).toBe('Cloud Provider: [Numéro support]');
    expect(draft.lines).toEqual({ start: 194, end: 208 });
  });

  it('reads the communication channels of seed 003 as contacts', () => {
    const draft = draftTitled<ContactsData>(seedDrafts('003'), 'contacts', 'Canal de Communication');
    expect(draft.data.contacts.map((contact) => [contact.name, contact.chat, contact.email])).toEqual([
      ['Slack', '#rag-incidents', null],
      ['Email', null, 'incidents@company.com'],
      ['Astreinte 24/7', null, null],
    ]);
  });

  it('reads both contact lists of seed 004, with real phone numbers, a Slack channel and support sites', () => {
    const drafts = seedDrafts('004');
    const urgent = draftTitled<ContactsData>(drafts, 'contacts', "Contacts d'Urgence");
    expect(urgent.data.contacts.map((contact) => contact.name)).toEqual([
      'On-call Primary',
      'On-call Secondary',
      'DevOps Lead',
      'CTO',
      'Slack',
    ]);
    expect(urgent.data.contacts[0]).toMatchObject({ phone: '+213 555 123 456', placeholder: false });
    expect(urgent.data.contacts[4]).toMatchObject({ chat: '#safargo-alerts', placeholder: false });
    const resources = draftTitled<ContactsData>(drafts, 'contacts', 'Contacts et Ressources');
    expect(resources.data.contacts).toHaveLength(10);
    expect(
      resources.data.contacts.filter((contact) => contact.group === 'Services Externes').map((contact) => contact.url),
    ).toContain('https://support.stripe.com');
    expect(resources.data.contacts.every((contact) => !contact.placeholder)).toBe(true);
    // The documentation links after the contacts are not contacts.
    expect(resources.lines).toEqual({ start: 416, end: 430 });
  });

  it('finds no contacts in a table that lists escalation levels without any address', () => {
    expect(ofKind(seedDrafts('002'), 'contacts')).toEqual([]);
  });
});

describe('contacts in other shapes', () => {
  it('reads a Name | Role | Phone | Email table', () => {
    const text = [
      '## On-call contacts',
      '',
      '| Name | Role | Phone | Email |',
      '|---|---|---|---|',
      '| Alice Martin | Primary | +1 555 010 2030 | alice@example.com |',
      '| TBD | DBA | +1 555 XXX XXXX | <email> |',
    ].join('\n');
    const [draft] = ofKind<ContactsData>(draftsOf(text), 'contacts');
    expect(
      draft?.data.contacts.map((contact) => [
        contact.name,
        contact.role,
        contact.phone,
        contact.email,
        contact.placeholder,
      ]),
    ).toEqual([
      ['Alice Martin', 'Primary', '+1 555 010 2030', 'alice@example.com', false],
      ['TBD', 'DBA', '+1 555 XXX XXXX', null, true],
    ]);
    expect(draft?.data.contacts[1]?.line).toBe(6);
  });

  it('tells a person from the role they hold', () => {
    const text =
      '## Contacts\n\n- **DBA**: Jane Doe, +33 6 12 34 56 78\n- **Security**: security@example.org\n- **Incident channel**: #inc-payments\n- Read the wiki first\n';
    const [draft] = ofKind<ContactsData>(draftsOf(text), 'contacts');
    expect(draft?.data.contacts.map((contact) => [contact.name, contact.role, contact.phone, contact.chat])).toEqual([
      ['Jane Doe', 'DBA', '+33 6 12 34 56 78', null],
      ['Security', 'Security', null, null],
      ['Incident channel', 'Incident channel', null, '#inc-payments'],
    ]);
  });

  it('flags TBD and to-be-completed entries as placeholders', () => {
    const text =
      '## Contacts\n\n- **Vendor support**: TBD\n- **Network team**: à compléter\n- **NOC**: noc@example.net\n';
    const [draft] = ofKind<ContactsData>(draftsOf(text), 'contacts');
    expect(draft?.data.contacts.map((contact) => [contact.name, contact.placeholder])).toEqual([
      ['Vendor support', true],
      ['Network team', true],
      ['NOC', false],
    ]);
  });

  it('reads a web address written without http as the contact site', () => {
    const text = '## Contacts\n\n- **Support Stripe**: www.stripe.example.test/support\n- www.vendor.example.test\n';
    const [draft] = ofKind<ContactsData>(draftsOf(text), 'contacts');
    expect(draft?.data.contacts.map((contact) => [contact.name, contact.url])).toEqual([
      ['Support Stripe', 'http://www.stripe.example.test/support'],
      ['www.vendor.example.test', 'http://www.vendor.example.test'],
    ]);
  });
});
