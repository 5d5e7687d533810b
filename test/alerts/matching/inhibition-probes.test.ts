import { describe, expect, it } from 'vitest';
import type { InhibitionRule } from '../../../src/alerts/matching/find-inhibitions.js';
import { inhibitionProbes } from '../../../src/alerts/matching/inhibition-probes.js';

const criticalMutesWarning: InhibitionRule = {
  id: 'critical-mutes-warning',
  sourceMatchers: [{ name: 'severity', operator: '=', value: 'critical' }],
  targetMatchers: [{ name: 'severity', operator: '=', value: 'warning' }],
  equal: ['alertname', 'cluster'],
};

describe('inhibitionProbes', () => {
  it("asks for the target's equal values together with the source's equality matchers", () => {
    expect(
      inhibitionProbes([criticalMutesWarning], [{ alertname: 'DiskFull', cluster: 'eu', severity: 'warning' }]),
    ).toEqual([{ contains: { alertname: 'DiskFull', cluster: 'eu', severity: 'critical' }, empty: [] }]);
  });

  it('makes no probe for an alert that is not a target of the rule', () => {
    expect(
      inhibitionProbes([criticalMutesWarning], [{ alertname: 'DiskFull', cluster: 'eu', severity: 'info' }]),
    ).toEqual([]);
  });

  it('asks for an equal label the target lacks or leaves empty as absent or empty', () => {
    const probes = inhibitionProbes(
      [criticalMutesWarning],
      [
        { alertname: 'DiskFull', severity: 'warning' },
        { alertname: 'DiskFull', cluster: '', severity: 'warning' },
      ],
    );
    expect(probes).toEqual([{ contains: { alertname: 'DiskFull', severity: 'critical' }, empty: ['cluster'] }]);
  });

  it('makes one probe per distinct equal tuple however many targets share it', () => {
    const targets = Array.from({ length: 1000 }, (_, i) => ({
      alertname: 'DiskFull',
      cluster: `c${i % 3}`,
      instance: `i${i}`,
      severity: 'warning',
    }));
    expect(inhibitionProbes([criticalMutesWarning], targets)).toHaveLength(3);
  });

  it('expands a regex of literal alternatives into one probe per literal', () => {
    const rule: InhibitionRule = {
      id: 'node-down',
      sourceMatchers: [{ name: 'alertname', operator: '=~', value: 'NodeDown|HostDown' }],
      targetMatchers: [],
      equal: ['node'],
    };
    expect(inhibitionProbes([rule], [{ alertname: 'ApiSlow', node: 'n1' }])).toEqual([
      { contains: { alertname: 'NodeDown', node: 'n1' }, empty: [] },
      { contains: { alertname: 'HostDown', node: 'n1' }, empty: [] },
    ]);
  });

  it('leaves other regexes and negative matchers to the in-memory check', () => {
    const rule: InhibitionRule = {
      id: 'dc-down',
      sourceMatchers: [
        { name: 'alertname', operator: '=~', value: 'Datacenter.*' },
        { name: 'env', operator: '!=', value: 'test' },
        { name: 'team', operator: '!~', value: 'ops' },
      ],
      targetMatchers: [],
      equal: ['dc'],
    };
    expect(inhibitionProbes([rule], [{ dc: 'par1' }])).toEqual([{ contains: { dc: 'par1' }, empty: [] }]);
  });

  it('drops a probe whose equalities contradict each other', () => {
    const rule: InhibitionRule = {
      id: 'same-name',
      sourceMatchers: [{ name: 'alertname', operator: '=', value: 'NodeDown' }],
      targetMatchers: [],
      equal: ['alertname'],
    };
    expect(inhibitionProbes([rule], [{ alertname: 'ApiSlow' }])).toEqual([]);
    expect(inhibitionProbes([rule], [{ alertname: 'NodeDown' }])).toEqual([
      { contains: { alertname: 'NodeDown' }, empty: [] },
    ]);
  });

  it('reads an equality matcher on the empty string as absent or empty', () => {
    const rule: InhibitionRule = {
      id: 'unowned',
      sourceMatchers: [{ name: 'team', operator: '=', value: '' }],
      targetMatchers: [],
      equal: ['cluster'],
    };
    expect(inhibitionProbes([rule], [{ cluster: 'eu' }])).toEqual([{ contains: { cluster: 'eu' }, empty: ['team'] }]);
  });

  it('keeps a label named __proto__ as a label', () => {
    const rule: InhibitionRule = { ...criticalMutesWarning, equal: ['__proto__'] };
    const [probe] = inhibitionProbes(
      [rule],
      [
        Object.fromEntries([
          ['__proto__', 'x'],
          ['severity', 'warning'],
        ]),
      ],
    );
    expect(JSON.stringify(probe?.contains)).toBe('{"__proto__":"x","severity":"critical"}');
  });
});
