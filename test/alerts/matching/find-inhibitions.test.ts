import { describe, expect, it } from 'vitest';
import type { Labels } from '../../../src/alerts/alert-model.js';
import {
  findInhibitions,
  indexInhibitions,
  type FiringAlert,
  type InhibitionRule,
} from '../../../src/alerts/matching/find-inhibitions.js';

/** Critical alerts mute warnings of the same alertname and cluster (Alertmanager's documented example). */
const criticalMutesWarning: InhibitionRule = {
  id: 'critical-mutes-warning',
  sourceMatchers: [{ name: 'severity', operator: '=', value: 'critical' }],
  targetMatchers: [{ name: 'severity', operator: '=', value: 'warning' }],
  equal: ['alertname', 'cluster'],
};

const firing = (id: string, labels: Labels): FiringAlert => ({ id, labels });

describe('findInhibitions', () => {
  it('mutes a target when a firing source shares its equal labels', () => {
    const index = indexInhibitions(
      [criticalMutesWarning],
      [firing('src', { alertname: 'DiskFull', cluster: 'eu', severity: 'critical' })],
    );
    expect(findInhibitions(index, { alertname: 'DiskFull', cluster: 'eu', severity: 'warning' })).toEqual([
      { ruleId: 'critical-mutes-warning', sourceId: 'src' },
    ]);
  });

  it('does not mute when an equal label differs', () => {
    const index = indexInhibitions(
      [criticalMutesWarning],
      [firing('src', { alertname: 'DiskFull', cluster: 'eu', severity: 'critical' })],
    );
    expect(findInhibitions(index, { alertname: 'DiskFull', cluster: 'us', severity: 'warning' })).toEqual([]);
    expect(findInhibitions(index, { alertname: 'CpuHigh', cluster: 'eu', severity: 'warning' })).toEqual([]);
  });

  it('counts an equal label missing on both sides as equal', () => {
    const index = indexInhibitions(
      [criticalMutesWarning],
      [firing('src', { alertname: 'DiskFull', severity: 'critical' })],
    );
    expect(findInhibitions(index, { alertname: 'DiskFull', severity: 'warning' })).toHaveLength(1);
    expect(findInhibitions(index, { alertname: 'DiskFull', cluster: '', severity: 'warning' })).toHaveLength(1);
    expect(findInhibitions(index, { alertname: 'DiskFull', cluster: 'eu', severity: 'warning' })).toEqual([]);
  });

  it('needs the target to match the target matchers and the source the source matchers', () => {
    const index = indexInhibitions(
      [criticalMutesWarning],
      [firing('warn', { alertname: 'DiskFull', severity: 'warning' })],
    );
    expect(findInhibitions(index, { alertname: 'DiskFull', severity: 'warning' })).toEqual([]);
    const withSource = indexInhibitions(
      [criticalMutesWarning],
      [firing('crit', { alertname: 'DiskFull', severity: 'critical' })],
    );
    expect(findInhibitions(withSource, { alertname: 'DiskFull', severity: 'info' })).toEqual([]);
  });

  it('mutes nothing when no source fires', () => {
    expect(
      findInhibitions(indexInhibitions([criticalMutesWarning], []), { alertname: 'DiskFull', severity: 'warning' }),
    ).toEqual([]);
  });

  it('does not let an alert matching both sides mute itself or another such alert', () => {
    // A cluster-wide outage mutes every alert of the cluster, itself included by its matchers.
    const outage: InhibitionRule = {
      id: 'outage',
      sourceMatchers: [{ name: 'alertname', operator: '=~', value: 'ClusterDown|NodeDown' }],
      targetMatchers: [{ name: 'cluster', operator: '=', value: 'eu' }],
      equal: ['cluster'],
    };
    const clusterDown = { alertname: 'ClusterDown', cluster: 'eu' };
    const nodeDown = { alertname: 'NodeDown', cluster: 'eu' };
    const both = indexInhibitions([outage], [firing('cluster', clusterDown), firing('node', nodeDown)]);
    expect(findInhibitions(both, clusterDown)).toEqual([]);
    expect(findInhibitions(both, nodeDown)).toEqual([]);
    // An ordinary alert of the cluster is still muted by them.
    expect(findInhibitions(both, { alertname: 'ApiSlow', cluster: 'eu' })).toEqual([
      { ruleId: 'outage', sourceId: 'cluster' },
    ]);
  });

  it('lets a source matching only the source side mute a target that matches both', () => {
    const rule: InhibitionRule = {
      id: 'dc-down',
      sourceMatchers: [{ name: 'alertname', operator: '=~', value: 'DatacenterDown|ClusterDown' }],
      targetMatchers: [{ name: 'alertname', operator: '!=', value: 'DatacenterDown' }],
      equal: ['dc'],
    };
    const index = indexInhibitions([rule], [firing('dc', { alertname: 'DatacenterDown', dc: 'par1' })]);
    expect(findInhibitions(index, { alertname: 'ClusterDown', dc: 'par1' })).toEqual([
      { ruleId: 'dc-down', sourceId: 'dc' },
    ]);
  });

  it('lists every rule that mutes the target, in rule order', () => {
    const byTeam: InhibitionRule = {
      id: 'maintenance',
      sourceMatchers: [{ name: 'alertname', operator: '=', value: 'Maintenance' }],
      targetMatchers: [],
      equal: ['team'],
    };
    const index = indexInhibitions(
      [criticalMutesWarning, byTeam],
      [
        firing('crit', { alertname: 'DiskFull', severity: 'critical', team: 'ops' }),
        firing('mnt', { alertname: 'Maintenance', team: 'ops' }),
      ],
    );
    expect(findInhibitions(index, { alertname: 'DiskFull', severity: 'warning', team: 'ops' })).toEqual([
      { ruleId: 'critical-mutes-warning', sourceId: 'crit' },
      { ruleId: 'maintenance', sourceId: 'mnt' },
    ]);
  });

  it('keeps equal values holding separators apart', () => {
    const rule: InhibitionRule = { ...criticalMutesWarning, equal: ['a', 'b'] };
    const index = indexInhibitions([rule], [firing('src', { severity: 'critical', a: 'x,y', b: 'z' })]);
    expect(findInhibitions(index, { severity: 'warning', a: 'x', b: 'y,z' })).toEqual([]);
    expect(findInhibitions(index, { severity: 'warning', a: 'x,y', b: 'z' })).toHaveLength(1);
  });

  it('checks targets against thousands of firing alerts by lookup, not by scan', () => {
    const sources = Array.from({ length: 5000 }, (_, i) =>
      firing(`a${i}`, {
        alertname: `Check${i % 50}`,
        cluster: `c${i % 100}`,
        severity: i % 2 === 0 ? 'critical' : 'warning',
      }),
    );
    const rules = Array.from({ length: 20 }, (_, i): InhibitionRule => ({ ...criticalMutesWarning, id: `r${i}` }));
    const index = indexInhibitions(rules, sources);
    const started = performance.now();
    let muted = 0;
    for (let i = 0; i < 5000; i += 1) {
      if (
        findInhibitions(index, { alertname: `Check${i % 50}`, cluster: `c${(i * 7) % 100}`, severity: 'warning' })
          .length > 0
      )
        muted += 1;
    }
    // 5 000 targets × 20 rules: a scan of the sources would be 500 million label comparisons.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(muted).toBeGreaterThan(0);
    expect(muted).toBeLessThan(5000);
  });
});
