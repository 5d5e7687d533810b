import { describe, expect, it } from 'vitest';
import type { AlertRule, AlertRulesData } from '../../../../src/runbooks/extract/drafts/draft-data.js';
import { draftsOf, draftTitled, lineAt, ofKind, seedDrafts, seedsAvailable, seedText } from './draft-fixtures.js';

/** The parts of a rule a reader checks first. */
const gist = (rule: AlertRule) => [rule.metric, rule.operator, rule.threshold, rule.unit, rule.forMinutes];

describe.skipIf(!seedsAvailable)('alert rules in the seeds', () => {
  it('reads the critical metrics of seed 000 with their thresholds', () => {
    const draft = draftTitled<AlertRulesData>(seedDrafts('000'), 'alert-rules', 'Métriques critiques');
    expect(draft.data.rules.map(gist)).toEqual([
      ["Taux d'assignation", '<', 70, '%', null],
      ["Temps d'exécution", '>', 10, 's', null],
      ['Disponibilité OSRM', '<', 95, '%', null],
      ['Erreurs de validation', '>', 5, '%', null],
    ]);
    expect(draft.data.rules[0]).toMatchObject({
      name: "Taux d'assignation < 70%",
      expression: "Taux d'assignation < 70%",
      line: 321,
    });
    expect(draft.lines).toEqual({ start: 319, end: 324 });
  });

  it('reads an alert written in the prevention notes of a seed 000 incident', () => {
    const draft = draftTitled<AlertRulesData>(
      seedDrafts('000'),
      'alert-rules',
      'Dispatch bloqué (clé Redis expirée) › Prévention',
    );
    expect(draft.data.rules).toHaveLength(1);
    expect(draft.data.rules[0]).toMatchObject({ operator: '>', threshold: 10, unit: 'min', line: 87 });
  });

  it('does not read symptoms as alert rules', () => {
    const lines = ofKind<AlertRulesData>(seedDrafts('000'), 'alert-rules').flatMap((draft) =>
      draft.data.rules.map((rule) => rule.line),
    );
    expect(lines).not.toContain(132);
  });

  it('reads the PromQL alerts inside the runbooks of seed 001, with severities of their runbooks', () => {
    const drafts = seedDrafts('001');
    const database = draftTitled<AlertRulesData>(drafts, 'alert-rules', 'Base de Données Down › Monitoring');
    expect(database.data.rules.map((rule) => rule.expression)).toEqual([
      'up{job="postgres"} == 0',
      'pg_database_size > 50GB',
      'pg_stat_database_numbackends > 95',
    ]);
    expect(database.data.rules[0]).toMatchObject({
      metric: 'up{job="postgres"}',
      operator: '==',
      threshold: 0,
      unit: null,
      severity: 'critical',
    });
    expect(database.data.rules[1]).toMatchObject({ threshold: 50, unit: 'GB' });

    const redis = draftTitled<AlertRulesData>(drafts, 'alert-rules', 'Cache Redis Down › Prévention');
    expect(redis.data.rules.map(gist)).toEqual([
      ['redis_memory_used_bytes / redis_memory_max_bytes', '>', 0.9, null, null],
      ['memory', '>', 85, '%', 5],
    ]);

    const api = draftTitled<AlertRulesData>(drafts, 'alert-rules', "Haute Rate d'Erreurs API › Prévention");
    expect(api.data.rules.map((rule) => [rule.expression, rule.forMinutes])).toEqual([
      ['error_rate > 5%', 5],
      ['memory_usage > 80%', 10],
    ]);
    expect(api.lines).toEqual({ start: 292, end: 294 });
  });

  it('reads the detection alerts of seed 001, a named alert with its condition on the next line', () => {
    const drafts = seedDrafts('001');
    const debts = draftTitled<AlertRulesData>(
      drafts,
      'alert-rules',
      'Impayés Critiques (>60 jours) › Détection Automatique',
    );
    expect(debts.data.rules[0]).toMatchObject({
      name: 'Impayes Critiques',
      expression: '> 50 impayés avec retard > 60 jours',
      threshold: 50,
      line: 307,
    });
    const agents = draftTitled<AlertRulesData>(drafts, 'alert-rules', 'Performance Agents Très Basse › Détection');
    expect(agents.data.rules.map(gist)).toEqual([['Agent score', '<', 5, null, 120]]);
  });

  it('reads the critical alerts of seed 004 from a YAML-ish list, bare names included', () => {
    const text = seedText('004');
    const draft = draftTitled<AlertRulesData>(seedDrafts('004'), 'alert-rules', 'Alertes Critiques');
    expect(draft.data.rules.map((rule) => [rule.name, rule.expression])).toEqual([
      ['High Error Rate', '>1% 5xx'],
      ['High Latency', 'p95 > 200ms'],
      ['Database Down', null],
      ['Payment Failures', '>5%'],
      ['Low Disk Space', '<10%'],
      ['High Memory Usage', '>90%'],
    ]);
    expect(draft.data.rules[1]).toMatchObject({
      metric: 'p95',
      operator: '>',
      threshold: 200,
      unit: 'ms',
      severity: 'critical',
    });
    expect(draft.data.rules[0]).toMatchObject({ metric: '5xx', threshold: 1, unit: '%' });
    for (const rule of draft.data.rules) expect(lineAt(text, rule.line)).toContain(rule.name);
  });

  it('reads the key metrics of seed 004 as written', () => {
    const draft = draftTitled<AlertRulesData>(seedDrafts('004'), 'alert-rules', 'Métriques Clés');
    expect(draft.data.rules).toHaveLength(5);
    expect(draft.data.rules[0]).toMatchObject({
      name: 'API Response Time',
      expression: 'p95 < 200ms',
      metric: 'p95',
      operator: '<',
      threshold: 200,
      unit: 'ms',
    });
    expect(draft.data.rules[1]).toMatchObject({
      name: 'Error Rate',
      metric: 'Error Rate',
      operator: '<',
      threshold: 1,
      unit: '%',
    });
  });

  it('does not read dashboards, commands or metrics without thresholds as alert rules', () => {
    const titles = ofKind(seedDrafts('004'), 'alert-rules').map((draft) => draft.title);
    expect(titles).toEqual(['Alertes Critiques', 'Métriques Clés']);
    expect(ofKind(seedDrafts('003'), 'alert-rules')).toEqual([]);
    // Seed 002 lists metrics to watch, with the commands that show them, but no thresholds.
    expect(ofKind(seedDrafts('002'), 'alert-rules').map((draft) => draft.title)).not.toContain(
      'Métriques clés à surveiller',
    );
  });
});

describe('alert rules in other shapes', () => {
  it('reads Prometheus alerting rules pasted as YAML', () => {
    const text = [
      '## Alerts',
      '',
      '```yaml',
      'groups:',
      '  - name: payments',
      '    rules:',
      '      - alert: PaymentsErrorRate',
      '        expr: sum(rate(errors_total[5m])) / sum(rate(requests_total[5m])) > 0.02',
      '        for: 10m',
      '        labels:',
      '          severity: page',
      '      - alert: PaymentsDown',
      '        expr: up{job="payments"} == 0',
      '        for: 1m',
      '```',
    ].join('\n');
    const [draft] = ofKind<AlertRulesData>(draftsOf(text), 'alert-rules');
    expect(
      draft?.data.rules.map((rule) => [rule.name, rule.threshold, rule.forMinutes, rule.severity, rule.line]),
    ).toEqual([
      ['PaymentsErrorRate', 0.02, 10, 'page', 7],
      ['PaymentsDown', 0, 1, null, 12],
    ]);
    expect(draft?.lines).toEqual({ start: 1, end: 15 });
  });

  it('reads labelled thresholds with a duration, and skips links and advice under a monitoring title', () => {
    const text =
      '## Monitoring\n\n- **High CPU**: `cpu_usage{env="prod",tier="api"} > 90` for 10m\n- Disk usage >= 85%\n- See the board: https://grafana.example.org\n- Check logs daily\n';
    const [draft] = ofKind<AlertRulesData>(draftsOf(text), 'alert-rules');
    expect(
      draft?.data.rules.map((rule) => [rule.name, rule.metric, rule.operator, rule.threshold, rule.forMinutes]),
    ).toEqual([
      ['High CPU', 'cpu_usage{env="prod",tier="api"}', '>', 90, 10],
      ['Disk usage >= 85%', 'Disk usage', '>=', 85, null],
    ]);
  });

  it('does not read comparisons in shell or SQL blocks as alerts', () => {
    const text =
      '## Alerts\n\n```sql\nSELECT * FROM jobs WHERE age > 60;\n```\n\n```bash\ntest "$load" -gt 5 && echo high > /tmp/x\n```\n';
    expect(ofKind(draftsOf(text), 'alert-rules')).toEqual([]);
  });
});
