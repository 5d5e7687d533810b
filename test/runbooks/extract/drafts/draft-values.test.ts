import { describe, expect, it } from 'vitest';
import { readCondition } from '../../../../src/runbooks/extract/drafts/alert-condition.js';
import { readAddresses } from '../../../../src/runbooks/extract/drafts/contact-address.js';
import { parseMinutes, parseWindow } from '../../../../src/runbooks/extract/drafts/parse-duration.js';
import { findPlaceholders } from '../../../../src/runbooks/extract/drafts/template-text.js';

describe('values read from runbook text', () => {
  it('reads durations in French and English as minutes', () => {
    expect(
      ['< 1h', '< 4h', '< 24h', '30 minutes', '2 jours', '1h30', '5m', '90 s', '1 semaine', 'soon'].map(parseMinutes),
    ).toEqual([60, 240, 1440, 30, 2880, 90, 5, 1.5, 10080, null]);
  });

  it('reads when a window opens, and leaves bare delays to the caller', () => {
    expect(parseWindow('0-15 min')).toEqual({ startMinutes: 0, form: 'range' });
    expect(parseWindow('15-30 min')).toEqual({ startMinutes: 15, form: 'range' });
    expect(parseWindow('30+ min')).toEqual({ startMinutes: 30, form: 'open' });
    expect(parseWindow('après 1h')).toEqual({ startMinutes: 60, form: 'after' });
    expect(parseWindow('immédiatement')).toEqual({ startMinutes: 0, form: 'after' });
    expect(parseWindow('15 min')).toEqual({ startMinutes: 15, form: 'plain' });
    expect(parseWindow('FAQ, guides')).toBeNull();
  });

  it('does not read response-time units as durations', () => {
    expect(parseMinutes('p95 > 200ms')).toBeNull();
    expect(parseMinutes('>1% 5xx')).toBeNull();
  });

  it('reads comparisons with their metric, unit and duration', () => {
    expect(readCondition('Alert: Si memory > 85% pendant 5 min')).toMatchObject({
      metric: 'memory',
      operator: '>',
      threshold: 85,
      unit: '%',
      forMinutes: 5,
      expression: 'memory > 85%',
    });
    expect(readCondition('Temps de réponse ≥ 2,5 secondes')).toMatchObject({
      metric: 'Temps de réponse',
      operator: '>=',
      threshold: 2.5,
      unit: 's',
    });
    expect(readCondition('up{job="api",env="prod"} != 1', true)).toMatchObject({
      metric: 'up{job="api",env="prod"}',
      operator: '!=',
      threshold: 1,
    });
    expect(readCondition('Disk free < 10 GiB')).toMatchObject({ threshold: 10, unit: 'GB' });
    expect(readCondition('Redirect -> login => home')).toBeNull();
  });

  it('names the blanks of a template once each, in order', () => {
    expect(findPlaceholders('P[1-3] - [Titre] {{ nb }} <service> ${ENV} [Titre] [link](http://x) - [ ] box')).toEqual([
      'P[1-3]',
      'Titre',
      'nb',
      'service',
      'ENV',
    ]);
  });

  it('reads addresses and tells stand-ins from real ones', () => {
    expect(readAddresses('+41 21 XXX XX XX')).toMatchObject({ phone: '+41 21 XXX XX XX', placeholder: true });
    expect(readAddresses('+213 555 123 456')).toMatchObject({ phone: '+213 555 123 456', placeholder: false });
    expect(readAddresses('[Numéro support]')).toMatchObject({ phone: null, placeholder: true });
    expect(readAddresses('Astreinte 24/7, mise à jour 2024-12-01')).toMatchObject({ phone: null, placeholder: false });
    expect(readAddresses('ops@example.com ou #ops-oncall')).toMatchObject({
      email: 'ops@example.com',
      chat: '#ops-oncall',
    });
  });
});
