import { describe, expect, it } from 'vitest';
import { extractRunbooks } from '../../../src/runbooks/extract/extract-runbooks.js';
import type { Extraction, RunbookStructure, Step } from '../../../src/runbooks/runbook-model.js';
import { seedsAvailable, seedText } from '../../support/seeds.js';

const extractSeed = (number: string): Promise<Extraction> =>
  extractRunbooks(seedText(number), { filename: `${number}.md` });
const steps = (runbook: RunbookStructure): Step[] => runbook.sections.flatMap((section) => section.steps);
const byTitle = (extraction: Extraction, title: string): RunbookStructure => {
  const found = extraction.runbooks.find((runbook) => runbook.title === title);
  if (found === undefined)
    throw new Error(`no runbook "${title}" in ${extraction.runbooks.map((r) => r.title).join(' | ')}`);
  return found;
};

describe.skipIf(!seedsAvailable)('the five seed runbooks', () => {
  it('finds the six numbered incidents of the dispatch runbook, then its procedures', async () => {
    const extraction = await extractSeed('000');
    expect(extraction.runbooks.map((r) => [r.kind, r.title])).toEqual([
      ['incident', 'OSRM en panne'],
      ['incident', 'Dispatch bloqué (clé Redis expirée)'],
      ['incident', 'Queue Celery saturée'],
      ['incident', "Taux d'assignation faible"],
      ['incident', 'Erreurs de validation des paramètres'],
      ['incident', 'Problèmes de cache Redis'],
      ['procedure', 'Commandes de diagnostic'],
      ['procedure', 'Récupération complète du système'],
      ['procedure', 'Récupération partielle'],
    ]);
    const osrm = byTitle(extraction, 'OSRM en panne');
    expect(osrm.language).toBe('fr');
    expect(osrm.sections.map((s) => s.kind)).toEqual(['symptoms', 'diagnosis', 'resolution', 'verification']);
    expect(osrm.symptoms.map((s) => s.text)).toEqual([
      'Erreurs 500 sur les endpoints de dispatch',
      'Logs: "OSRM service unavailable"',
      "Taux d'assignation très faible",
    ]);
    expect(osrm.symptoms[1]).toMatchObject({ kind: 'log', terms: ['OSRM service unavailable'] });
    expect(steps(osrm).map((s) => [s.kind, s.risk, s.phase])).toEqual([
      ['command', 'read-only', null],
      ['manual', 'read-only', 'short-term'],
      ['command', 'changing', 'medium-term'],
      ['manual', 'read-only', 'long-term'],
      ['command', 'changing', null],
    ]);
    expect(steps(osrm)[0]!.title).toBe("Vérifier la santé d'OSRM");
    expect(steps(osrm)[4]!.parameters).toEqual([expect.objectContaining({ name: 'TOKEN', form: 'env', secret: true })]);
    const locked = steps(byTitle(extraction, 'Dispatch bloqué (clé Redis expirée)'));
    expect(locked.find((s) => s.body.includes('redis-cli del'))?.risk).toBe('destructive');
    const revoke = locked.find((s) => s.body.includes('control revoke'))!;
    expect(revoke.risk).toBe('destructive');
    expect(revoke.parameters.map((p) => [p.name, p.form, p.token])).toEqual([['task_id', 'angle', '<task_id>']]);
    expect(steps(byTitle(extraction, 'Queue Celery saturée')).find((s) => s.body.includes('purge'))?.risk).toBe(
      'destructive',
    );
    const recovery = byTitle(extraction, 'Récupération complète du système');
    expect(recovery.sections.map((s) => s.kind)).toEqual(['recovery']);
    expect(steps(recovery)[1]).toMatchObject({ title: 'Nettoyer les ressources', risk: 'destructive' });
    expect(steps(byTitle(extraction, 'Récupération partielle'))[0]!.parameters.map((p) => p.name)).toEqual([
      'service_name',
    ]);
  });

  it('finds the five RUNBOOK blocks of the debt-collection file with their severities and RTOs', async () => {
    const extraction = await extractSeed('001');
    expect(
      extraction.runbooks.map((r) => [
        r.title,
        r.metadata.severity?.level,
        r.metadata.rto?.minutes ?? null,
        r.metadata.rpo?.minutes ?? null,
      ]),
    ).toEqual([
      ['Base de Données Down', 'P1', 15, 5],
      ['Cache Redis Down', 'P2', 5, 1],
      ["Haute Rate d'Erreurs API", 'P1', 10, null],
      ['Impayés Critiques (>60 jours)', 'P1', null, null],
      ['Performance Agents Très Basse', 'P3', null, null],
    ]);
    const database = extraction.runbooks[0]!;
    expect(database.metadata).toMatchObject({
      severity: { raw: '🔴 CRITICAL' },
      impact: 'Tous les services indisponibles',
      rto: { raw: '< 15 minutes' },
    });
    expect(database.symptoms.find((s) => s.kind === 'metric')?.terms).toContain('up{job="postgres"} == 0');
    expect(database.symptoms.find((s) => s.kind === 'error')?.terms).toContain('ECONNREFUSED');
    expect(database.sections.map((s) => s.kind)).toEqual([
      'symptoms',
      'diagnosis',
      'recovery',
      'recovery',
      'recovery',
      'prevention',
    ]);
    const apiErrors = extraction.runbooks[2]!;
    expect(steps(apiErrors).find((s) => s.body.includes('pg_terminate_backend'))?.risk).toBe('destructive');
    const agents = extraction.runbooks[4]!;
    const sql = steps(agents).find((s) => s.language === 'sql')!;
    expect(sql.parameters).toEqual([expect.objectContaining({ name: 'agent_id', form: 'mustache' })]);
    expect(sql.risk).toBe('read-only');
    expect(extraction.runbooks[3]!.symptoms.map((s) => s.text)).toEqual([
      'Alert: "Impayes Critiques"',
      '> 50 impayés avec retard > 60 jours',
    ]);
  });

  it('finds INC-001 to INC-006 of the ERP file, with RTO 4 h and RPO 6 h on INC-002', async () => {
    const extraction = await extractSeed('002');
    const incidents = extraction.runbooks.filter((r) => r.kind === 'incident');
    expect(incidents.map((r) => r.metadata.reference)).toEqual([
      'INC-001',
      'INC-002',
      'INC-003',
      'INC-004',
      'INC-005',
      'INC-006',
    ]);
    expect(incidents[1]!.metadata).toMatchObject({
      rto: { raw: '4 heures', minutes: 240 },
      rpo: { raw: '6 heures', minutes: 360 },
    });
    expect(incidents[2]!.metadata.impact).toBe('Performance dégradée (fallback mémoire), pas de perte de données.');
    const redis = steps(incidents[2]!);
    expect(redis[0]!.parameters).toEqual([
      expect.objectContaining({ name: 'REDIS_PASSWORD', form: 'env', secret: true, token: '${REDIS_PASSWORD}' }),
    ]);
    expect(redis.find((s) => s.body.includes('FLUSHALL'))?.risk).toBe('destructive');
    expect(incidents[0]!.symptoms.map((s) => s.text)).toEqual(['Erreur 502 nginx', 'health check échoue']);
    expect(extraction.runbooks.filter((r) => r.kind === 'procedure').map((r) => r.title)).toEqual([
      "Vérifier l'état global",
      'Restauration complète (Disaster Recovery)',
      'Rollback applicatif',
    ]);
  });

  it('reads the RAG system file as one response procedure with its five phases', async () => {
    const extraction = await extractSeed('003');
    expect(extraction.runbooks.map((r) => r.title)).toEqual(['Procédure de Réponse aux Incidents']);
    const [procedure] = extraction.runbooks;
    expect(procedure!.sections.map((s) => [s.kind, s.title])).toEqual([
      ['detection', 'Détection et Alerte'],
      ['escalation', 'Escalade et Communication'],
      ['diagnosis', 'Investigation'],
      ['mitigation', 'Actions de Mitigation'],
      ['resolution', 'Résolution et Suivi'],
    ]);
    expect(steps(procedure!).find((s) => s.body.startsWith('# Vérification rapide'))?.risk).toBe('read-only');
    expect(steps(procedure!).find((s) => s.body.includes('kubectl patch deployment rag-api'))?.risk).toBe('changing');
    // The communication and post-mortem templates are drafts, not steps to run.
    expect(steps(procedure!).some((s) => s.body.includes('INCIDENT - P[1-3]'))).toBe(false);
  });

  it('reads the travel app file as procedures around its drafts', async () => {
    const extraction = await extractSeed('004');
    const titles = extraction.runbooks.map((r) => r.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Procédure d'Incident",
        'High Latency',
        'Web App Issues — Build Failures',
        'Mobile App Issues — Build Failures',
        'Rollback',
        'Incident de Sécurité',
        'Rotation des Secrets',
      ]),
    );
    expect(new Set(titles).size).toBe(titles.length);
    const maintenance = byTitle(extraction, 'Maintenance Préventive');
    expect(
      steps(maintenance)[0]!.riskReasons.some((r) => r.level === 'destructive' && /volume prune/.test(r.command)),
    ).toBe(true);
    expect(steps(byTitle(extraction, "Procédure d'Incident")).map((s) => s.kind)).toEqual(Array(6).fill('manual'));
  });

  it('leaves out nothing silently: every part of every seed is a runbook, a draft, or a listed leftover', async () => {
    const leftovers: Record<string, string[]> = {};
    for (const number of ['000', '001', '002', '003', '004']) {
      const extraction = await extractSeed(number);
      leftovers[number] = extraction.leftovers.map((l) => `${l.heading}: ${l.reason}`);
      const lines = seedText(number).split('\n');
      const covered = [
        ...extraction.runbooks.map((r) => r.lines),
        ...extraction.drafts.map((d) => d.lines),
        ...extraction.leftovers.map((l) => l.lines),
      ];
      lines.forEach((line, index) => {
        const isBare = line.trim() === '' || /^#{1,6}\s/.test(line) || /^---\s*$/.test(line);
        if (!isBare)
          expect(
            covered.some((range) => range.start <= index + 1 && index + 1 <= range.end),
            `${number}:${index + 1} ${line}`,
          ).toBe(true);
      });
    }
    expect(leftovers).toEqual({
      '000': [
        "Vue d'ensemble: introduction text, kept in the source only",
        'Actions automatiques: not recognised as a runbook, a step or an incident-process draft',
      ],
      '001': [],
      '002': [
        'Table des matières: table of contents',
        'Métriques clés à surveiller: not recognised as a runbook, a step or an incident-process draft',
      ],
      '003': [],
      '004': [
        'Dashboards Principaux: list of links, kept in the source only',
        'Documentation: list of links, kept in the source only',
        'Documentation: not recognised as a runbook, a step or an incident-process draft',
      ],
    });
  });
});
