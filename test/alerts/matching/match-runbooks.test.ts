import { describe, expect, it } from 'vitest';
import {
  matchRunbooks,
  type AlertForMatching,
  type RunbookCandidate,
} from '../../../src/alerts/matching/match-runbooks.js';
import { matchWeights, scoreOf } from '../../../src/alerts/matching/match-weights.js';
import { readSymptom } from '../../../src/runbooks/extract/read-symptoms.js';

/** A candidate whose symptoms are read from Markdown lines, as the importer reads them. */
function runbook(
  id: string,
  fields: { title?: string; symptoms?: string[]; services?: string[]; alertNames?: string[] },
): RunbookCandidate {
  return {
    id,
    title: fields.title ?? id,
    symptoms: (fields.symptoms ?? []).map((line, index) => readSymptom(line, index + 1)),
    services: fields.services ?? [],
    alertNames: fields.alertNames ?? [],
  };
}

function alert(labels: Record<string, string>, annotations: Record<string, string> = {}): AlertForMatching {
  return { title: annotations['summary'] ?? '', labels, annotations };
}

/** An unrelated runbook, so that word rarity is computed over more than one candidate. */
const filler = runbook('filler', { title: 'Sauvegarde nocturne', symptoms: ['Fichier de sauvegarde absent'] });

const rounded = (evidence: number): number => Math.round(scoreOf(evidence) * 1000) / 1000;

describe('matchRunbooks: explicit links', () => {
  const osrm = runbook('osrm-en-panne', { title: 'OSRM en panne', symptoms: ['Logs: "OSRM service unavailable"'] });
  const queue = runbook('queue-celery-saturee', { title: 'Queue Celery saturée' });
  const rollback = runbook('rollback', { title: 'Rollback' });
  const rollbackApp = runbook('rollback-applicatif', { title: 'Rollback applicatif' });
  const all = [osrm, queue, rollback, rollbackApp];

  it('puts a runbook the runbook_url annotation points to first, with score 1, above better text evidence', () => {
    const result = matchRunbooks(
      alert(
        { alertname: 'OSRMDown' },
        {
          summary: 'OSRM service unavailable',
          runbook_url: 'https://astreinte.example.com/runbooks/queue-celery-saturee',
        },
      ),
      all,
    );
    expect(result[0]).toEqual({
      runbookId: 'queue-celery-saturee',
      score: 1,
      matched: ['https://astreinte.example.com/runbooks/queue-celery-saturee'],
      explicit: true,
    });
    expect(result[1]).toMatchObject({ runbookId: 'osrm-en-panne', explicit: false });
    expect(result[1]!.score).toBeLessThan(1);
  });

  it('reads a runbook_id label equal to the id, and a runbook label holding it in a URL', () => {
    expect(matchRunbooks(alert({ alertname: 'X', runbook_id: 'osrm-en-panne' }), all)[0]).toMatchObject({
      runbookId: 'osrm-en-panne',
      explicit: true,
    });
    expect(
      matchRunbooks(alert({ alertname: 'X', runbook: 'https://wiki.example.com/ops.md#queue-celery-saturee' }), all)[0],
    ).toMatchObject({
      runbookId: 'queue-celery-saturee',
      explicit: true,
    });
  });

  it('accepts a path with an extension, a trailing slash, a query or different case', () => {
    for (const url of [
      '/runbooks/rollback.md',
      'https://x/runbooks/rollback/',
      'https://x/runbooks/rollback?tab=steps',
      'https://x/RUNBOOKS/Rollback',
    ]) {
      expect(matchRunbooks(alert({}, { runbook_url: url }), all)[0]).toMatchObject({
        runbookId: 'rollback',
        explicit: true,
      });
    }
  });

  it('reads the longest id a URL holds, not a shorter id inside it', () => {
    expect(
      matchRunbooks(alert({}, { runbook_url: 'https://wiki.example.com/rollback-applicatif.html' }), all)[0]!.runbookId,
    ).toBe('rollback-applicatif');
  });

  it('ignores a link to no candidate and ranks on evidence instead', () => {
    const result = matchRunbooks(
      alert(
        { alertname: 'OSRMDown' },
        { summary: 'OSRM service unavailable', runbook_url: 'https://wiki.example.com/runbooks/unknown' },
      ),
      all,
    );
    expect(result.map((match) => [match.runbookId, match.explicit])).toEqual([['osrm-en-panne', false]]);
  });
});

describe('matchRunbooks: evidence', () => {
  it('weighs a quoted log message found in the summary as a strong term', () => {
    const osrm = runbook('osrm', { title: 'Routage', symptoms: ['Logs: "OSRM service unavailable"'] });
    const [match] = matchRunbooks(
      alert({ alertname: 'RoutingBroken' }, { summary: 'OSRM service unavailable since 10:02' }),
      [osrm, filler],
    );
    expect(match).toEqual({
      runbookId: 'osrm',
      score: rounded(matchWeights.strongTerm),
      matched: ['OSRM service unavailable'],
      explicit: false,
    });
  });

  it('finds an error name in the description, whatever its case', () => {
    const db = runbook('db', { title: 'Base', symptoms: ['Erreur "ECONNREFUSED" ou timeout'] });
    const [match] = matchRunbooks(
      alert({ alertname: 'ApiDown' }, { description: 'connect econnrefused 10.0.0.4:5432' }),
      [db, filler],
    );
    expect(match!.matched).toContain('ECONNREFUSED');
    expect(match!.score).toBeGreaterThanOrEqual(rounded(matchWeights.strongTerm));
  });

  it('finds a metric name of a PromQL symptom quoted by the alert, as a whole identifier', () => {
    const redis = runbook('redis', {
      title: 'Cache',
      symptoms: ['Monitor: `redis_memory_used_bytes / redis_memory_max_bytes > 0.9`'],
    });
    const quoted = matchRunbooks(
      alert({ alertname: 'StoreFull' }, { description: 'redis_memory_used_bytes is at 95% of max' }),
      [redis, filler],
    );
    expect(quoted[0]!.matched).toContain('redis_memory_used_bytes');
    // The same words in prose are only words of the symptom: weaker, and capped.
    const prose = matchRunbooks(
      alert({ alertname: 'StoreFull' }, { description: 'redis memory used bytes are high' }),
      [redis, filler],
      { minimumScore: 0 },
    );
    expect(prose[0]!.matched).not.toContain('redis_memory_used_bytes');
    expect(prose[0]!.score).toBeLessThanOrEqual(rounded(matchWeights.proseCap));
    expect(prose[0]!.score).toBeLessThan(quoted[0]!.score);
  });

  it('gives weight to a PromQL selector whose equalities hold in the labels', () => {
    const pg = runbook('pg', { title: 'Base', symptoms: ['Prometheus: `up{job="postgres"} == 0`'] });
    const [match] = matchRunbooks(alert({ alertname: 'TargetDown', job: 'postgres' }), [pg, filler]);
    expect(match!.matched).toContain('{job="postgres"}');
    expect(matchRunbooks(alert({ alertname: 'TargetDown', job: 'mysql' }), [pg, filler])).toEqual([]);
  });

  it('counts an HTTP status only when the alert reports it as one', () => {
    const api = runbook('api', {
      title: 'Passerelle',
      symptoms: ['Erreurs 502 sur le proxy', 'Logs: "upstream prematurely closed"'],
    });
    const both = (summary: string, labels: Record<string, string> = {}): string[] =>
      matchRunbooks(alert({ alertname: 'ProxyErrors', ...labels }, { summary }), [api, filler], { minimumScore: 0 })[0]
        ?.matched ?? [];
    expect(both('HTTP 502 on the proxy')).toContain('502');
    expect(both('proxy errors', { code: '502' })).toContain('502');
    expect(both('502 errors on the proxy')).toContain('502');
    expect(both('queue length above 502 items')).not.toContain('502');
  });

  it('matches a 5xx symptom with any server error status', () => {
    const errors = runbook('errors', { title: 'Taux d’erreurs', symptoms: ['> 5% requêtes retournent 5xx'] });
    const [match] = matchRunbooks(alert({ alertname: 'Errors', status: '503' }), [errors, filler], { minimumScore: 0 });
    expect(match!.matched).toContain('5xx');
  });

  it('weighs most an alertname that is the name of an alert rule of the runbook', () => {
    const errors = runbook('errors', { title: 'Erreurs API', alertNames: ['High Error Rate', 'error_rate > 5%'] });
    const [match] = matchRunbooks(alert({ alertname: 'HighErrorRate' }), [errors, filler]);
    expect(match!.matched[0]).toBe('High Error Rate');
    expect(match!.score).toBeGreaterThanOrEqual(rounded(matchWeights.alertRuleName));
  });

  it('matches title words after splitting the alertname, folding accents and translating French', () => {
    const payments = runbook('paiements', { title: 'Paiements' });
    const [match] = matchRunbooks(alert({ alertname: 'PaymentFailures' }), [payments, filler]);
    expect(match).toEqual({
      runbookId: 'paiements',
      score: rounded(matchWeights.titleWord + matchWeights.completeTitleWord),
      matched: ['payment'],
      explicit: false,
    });
  });

  it('does not count stop words or generic incident words as evidence', () => {
    const procedure = runbook('procedure', { title: "Procédure de l'incident pour les services" });
    expect(
      matchRunbooks(
        alert({ alertname: 'Incident' }, { summary: 'An incident for the service of the team' }),
        [procedure, filler],
        { minimumScore: 0.01 },
      ),
    ).toEqual([]);
  });

  it('counts a word shared by several candidates for less', () => {
    const alone = [runbook('redis', { title: 'Redis' }), filler];
    const shared = [
      runbook('redis', { title: 'Redis' }),
      runbook('redis-2', { title: 'Redis lent' }),
      runbook('redis-3', { title: 'Redis plein' }),
    ];
    const redisAlert = alert({ alertname: 'RedisFlapping' });
    const scoreIn = (candidates: RunbookCandidate[]): number =>
      matchRunbooks(redisAlert, candidates, { minimumScore: 0 }).find((m) => m.runbookId === 'redis')!.score;
    expect(scoreIn(alone)).toBe(rounded(matchWeights.titleWord + matchWeights.completeTitleWord));
    expect(scoreIn(shared)).toBe(rounded(matchWeights.titleWord / 3 + matchWeights.completeTitleWord));
  });

  it('weighs words of the symptoms prose less than title words, up to a cap', () => {
    const prose = runbook('prose', {
      title: 'Divers',
      symptoms: ['Réservations non assignées', 'Chauffeurs absents', 'Véhicules immobilisés', 'Trajets annulés'],
    });
    const [match] = matchRunbooks(
      alert({ alertname: 'Fleet' }, { summary: 'reservations chauffeurs vehicules trajets' }),
      [prose, filler],
      { minimumScore: 0 },
    );
    expect(match!.score).toBe(rounded(matchWeights.proseCap));
  });

  it('adds a service label naming one of the runbook services, divided among the runbooks naming it', () => {
    const k8s = runbook('rag', { title: 'Procédure de réponse', services: ['rag-api', 'postgres'] });
    const db = runbook('db', { title: 'Restauration', services: ['postgres'] });
    expect(matchRunbooks(alert({ alertname: 'KubePodCrashLooping', container: 'rag-api' }), [k8s, db])).toEqual([
      { runbookId: 'rag', score: rounded(matchWeights.service), matched: ['rag-api'], explicit: false },
    ]);
    const shared = matchRunbooks(alert({ alertname: 'Down', service: 'Postgres' }), [k8s, db], { minimumScore: 0 });
    expect(shared.map((match) => match.score)).toEqual([
      rounded(matchWeights.service / 2),
      rounded(matchWeights.service / 2),
    ]);
  });

  it('does not count the words of a term it found a second time', () => {
    const osrm = runbook('osrm', { title: 'OSRM', symptoms: ['Logs: "OSRM service unavailable"'] });
    const [match] = matchRunbooks(alert({ alertname: 'X' }, { summary: 'OSRM service unavailable' }), [osrm, filler]);
    expect(match!.matched).toEqual(['OSRM service unavailable']);
    expect(match!.score).toBe(rounded(matchWeights.strongTerm + matchWeights.completeTitleWord));
  });
});

describe('matchRunbooks: ranking', () => {
  const candidates = [
    runbook('osrm', { title: 'OSRM en panne', symptoms: ['Logs: "OSRM service unavailable"'] }),
    runbook('redis', { title: 'Cache Redis Down', symptoms: ['Logs: "ECONNREFUSED" sur Redis'] }),
    runbook('celery', { title: 'Queue Celery saturée', symptoms: ['Logs: "Celery queue full"'] }),
    filler,
  ];

  it('orders by score, best first, and stops at the limit', () => {
    const redisDown = alert(
      { alertname: 'RedisCacheDown' },
      { summary: 'Redis cache down: ECONNREFUSED', description: 'Callers log "OSRM service unavailable"' },
    );
    const result = matchRunbooks(redisDown, candidates);
    expect(result.map((match) => match.runbookId)).toEqual(['redis', 'osrm']);
    expect(matchRunbooks(redisDown, candidates, { limit: 1 }).map((match) => match.runbookId)).toEqual(['redis']);
  });

  it('leaves out runbooks under the minimum score', () => {
    const summary = { summary: 'Celery queue full' };
    expect(matchRunbooks(alert({ alertname: 'Q' }, summary), candidates, { minimumScore: 0.99 })).toEqual([]);
    expect(matchRunbooks(alert({ alertname: 'Q' }, summary), candidates).map((match) => match.runbookId)).toEqual([
      'celery',
    ]);
  });

  it('suggests nothing for an alert that matches nothing', () => {
    expect(
      matchRunbooks(
        alert({ alertname: 'Watchdog', severity: 'none' }, { summary: 'Always firing, to prove the pipeline works' }),
        candidates,
      ),
    ).toEqual([]);
  });

  it('never scores evidence 1, which only an explicit link gets', () => {
    const everything = alert(
      { alertname: 'OSRMDown' },
      {
        summary: 'OSRM service unavailable',
        description: 'OSRM en panne: OSRM service unavailable, Celery queue full, Redis ECONNREFUSED',
      },
    );
    for (const match of matchRunbooks(everything, candidates)) expect(match.score).toBeLessThan(1);
  });
});
