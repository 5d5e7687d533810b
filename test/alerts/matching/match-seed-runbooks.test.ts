import { beforeAll, describe, expect, it } from 'vitest';
import {
  matchRunbooks,
  type AlertForMatching,
  type RunbookMatch,
} from '../../../src/alerts/matching/match-runbooks.js';
import { loadSeedCandidates, prometheusAlert, seedsAvailable, type SeedCandidate } from './seed-candidates.js';

let candidates: SeedCandidate[] = [];
const suggest = (alert: AlertForMatching): RunbookMatch[] => matchRunbooks(alert, candidates);
const idsOf = (matches: RunbookMatch[]): string[] => matches.map((match) => match.runbookId);

describe.skipIf(!seedsAvailable)('matchRunbooks on the seed runbooks', () => {
  beforeAll(async () => {
    candidates = await loadSeedCandidates();
  });

  it('loads the runbooks of every seed, broken encodings included', () => {
    expect(new Set(candidates.map((candidate) => candidate.seed)).size).toBe(5);
    expect(candidates.find((candidate) => candidate.id === 'base-de-donnees-down')?.title).toBe('Base de Données Down');
    expect(candidates.find((candidate) => candidate.id === 'cache-redis-down')?.alertNames).toContain(
      'redis_memory_used_bytes / redis_memory_max_bytes > 0.9',
    );
  });

  it('ranks the dispatch seed’s OSRM runbook first for OSRMDown / “OSRM service unavailable”', () => {
    const result = suggest(prometheusAlert({ alertname: 'OSRMDown' }, { summary: 'OSRM service unavailable' }));
    expect(result[0]).toMatchObject({ runbookId: 'osrm-en-panne', explicit: false });
    expect(result[0]!.matched).toContain('OSRM service unavailable');
    expect(idsOf(result)).not.toContain('cache-redis-down');
    expect(idsOf(result)).not.toContain('base-de-donnees-down');
  });

  it('ranks “Cache Redis Down”, whose rules watch Redis memory, first for a Redis memory alert', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'RedisMemoryHigh', job: 'redis', instance: 'akig-cache:9121', severity: 'warning' },
        {
          summary: 'Redis memory usage above 90%',
          description: 'redis_memory_used_bytes / redis_memory_max_bytes is 0.93 on akig-cache',
        },
      ),
    );
    expect(result[0]!.runbookId).toBe('cache-redis-down');
    expect(result[0]!.matched).toEqual(expect.arrayContaining(['redis_memory_used_bytes', 'redis_memory_max_bytes']));
    expect(idsOf(result)).not.toContain('osrm-en-panne');
    expect(idsOf(result)).not.toContain('base-de-donnees-down');
  });

  it('ranks the stuck dispatch runbook first for an orphan Redis lock key', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'DispatchLockStuck', service: 'dispatch', severity: 'warning' },
        {
          summary: 'Dispatch lock held for 15 minutes',
          description: 'Another dispatch is already running: Redis key dispatch:lock:1:2024-01-15 was not released',
        },
      ),
    );
    expect(result[0]!.runbookId).toBe('dispatch-bloque-cle-redis-expiree');
    // A Redis runbook about Redis being down is not what a stuck key needs.
    expect(idsOf(result)).not.toContain('cache-redis-down');
    expect(idsOf(result)).not.toContain('osrm-en-panne');
  });

  it('ranks “Base de Données Down”, whose rules watch pg_stat_database_numbackends, first for PostgreSQL connection exhaustion', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'PostgresqlTooManyConnections', job: 'postgres', instance: 'akig-db:9187', severity: 'warning' },
        {
          summary: 'PostgreSQL connections near the limit',
          description: 'pg_stat_database_numbackends is 97 (> 95) on akig-db',
        },
      ),
    );
    expect(result[0]!.runbookId).toBe('base-de-donnees-down');
    expect(result[0]!.matched).toContain('pg_stat_database_numbackends');
    // `Connexion` (user sign-in support) shares only the word connection, which other runbooks use too.
    expect(idsOf(result)).not.toContain('connexion');
    expect(idsOf(result)).not.toContain('cache-redis-down');
  });

  it('ranks “Queue Celery saturée” first for a Celery queue backlog', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'CeleryQueueBacklog', service: 'celery-worker', queue: 'dispatch', severity: 'warning' },
        {
          summary: 'Celery queue length above 500 for 10 minutes',
          description: 'Tasks wait in the dispatch queue; workers do not keep up',
        },
      ),
    );
    expect(result[0]!.runbookId).toBe('queue-celery-saturee');
    // `500` here is a queue length, not the HTTP 500 of the OSRM runbook.
    expect(idsOf(result)).not.toContain('osrm-en-panne');
    expect(idsOf(result)).not.toContain('taux-d-assignation-faible');
  });

  it('ranks the Kubernetes response procedure of rag-api first for a CrashLoopBackOff of its pod', () => {
    const result = suggest(
      prometheusAlert(
        {
          alertname: 'KubePodCrashLooping',
          namespace: 'rag-production',
          pod: 'rag-api-6c9f7d5b8-qk2lz',
          container: 'rag-api',
          reason: 'CrashLoopBackOff',
          severity: 'critical',
        },
        {
          summary: 'Pod is crash looping',
          description:
            'Pod rag-production/rag-api-6c9f7d5b8-qk2lz (rag-api) is in waiting state (reason: CrashLoopBackOff)',
        },
      ),
    );
    expect(result[0]).toMatchObject({ runbookId: 'procedure-de-reponse-aux-incidents', matched: ['rag-api'] });
    // Its `/api/` path symptom is not the `api` of a pod name.
    expect(idsOf(result)).not.toContain('base-de-donnees-down');
  });

  it('ranks the SafarGo “Paiements” runbook first for payment provider errors', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'PaymentFailures', provider: 'stripe', severity: 'critical' },
        {
          summary: 'Payment provider errors above 5%',
          description: 'Stripe payment webhooks fail for 6.2% of transactions',
        },
      ),
    );
    expect(result[0]).toMatchObject({ runbookId: 'paiements', matched: ['payment'] });
    expect(idsOf(result)).not.toContain('high-error-rate');
    expect(idsOf(result)).not.toContain('erreurs-de-validation-des-parametres');
  });

  it('ranks the API error-rate runbook whose dashboard alert is HighErrorRate first for HighErrorRate', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'HighErrorRate', service: 'api' },
        { summary: '5xx responses above 5% for 5 minutes' },
      ),
    );
    expect(result[0]!.runbookId).toBe('haute-rate-d-erreurs-api');
    expect(result[0]!.matched).toEqual(expect.arrayContaining(['HighErrorRate', '5xx']));
    expect(idsOf(result)).toContain('high-error-rate');
    expect(idsOf(result)).not.toContain('osrm-en-panne');
  });

  it('ranks the database runbook above the Redis one for ECONNREFUSED from PostgreSQL', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'PostgresDown', job: 'postgres' },
        { summary: 'Unable to connect to database: ECONNREFUSED' },
      ),
    );
    expect(idsOf(result).slice(0, 2)).toEqual(['base-de-donnees-down', 'cache-redis-down']);
  });

  it('ranks the SSL certificate runbook first for ERR_CERT_DATE_INVALID', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'SSLCertExpired', service: 'nginx' },
        { summary: 'Browsers report ERR_CERT_DATE_INVALID' },
      ),
    );
    expect(result[0]!.runbookId).toBe('inc-006-certificat-ssl-expire');
    expect(idsOf(result)).not.toContain('inc-004-rate-limiting-bloque-des-utilisateurs-legitimes');
  });

  it('ranks the parameter validation runbook first for HTTP 400 with “Paramètres invalides”', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'DispatchBadRequests', code: '400', service: 'dispatch' },
        { summary: 'Dispatch runs rejected', description: 'Logs show "Paramètres invalides"' },
      ),
    );
    expect(result[0]!.runbookId).toBe('erreurs-de-validation-des-parametres');
  });

  it('puts the runbook the alert links to first whatever its text says', () => {
    const result = suggest(
      prometheusAlert(
        { alertname: 'OSRMDown' },
        {
          summary: 'OSRM service unavailable',
          runbook_url: 'https://astreinte.example.com/runbooks/queue-celery-saturee',
        },
      ),
    );
    expect(result[0]).toMatchObject({ runbookId: 'queue-celery-saturee', score: 1, explicit: true });
    expect(result[1]!.runbookId).toBe('osrm-en-panne');
  });

  it('suggests nothing for alerts no seed runbook treats', () => {
    const watchdog = prometheusAlert(
      { alertname: 'Watchdog', severity: 'none' },
      { summary: 'An alert that should always be firing to certify that Alertmanager is working properly.' },
    );
    const disk = prometheusAlert(
      { alertname: 'NodeFilesystemAlmostOutOfSpace', mountpoint: '/var/lib/jenkins', severity: 'warning' },
      { summary: 'Disk almost full on build agent', description: 'Filesystem has less than 5% space left' },
    );
    expect(suggest(watchdog)).toEqual([]);
    expect(suggest(disk)).toEqual([]);
  });
});
