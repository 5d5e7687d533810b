import { describe, expect, it } from 'vitest';
import { containsSequence, contentWords, tokenize } from '../../../src/alerts/matching/text-tokens.js';

describe('tokenize', () => {
  it('splits CamelCase, acronyms included, and snake_case', () => {
    expect(tokenize('OSRMDown')).toEqual(['osrm', 'down']);
    expect(tokenize('HighErrorRate')).toEqual(['high', 'error', 'rate']);
    expect(tokenize('redis_memory_used_bytes')).toEqual(['redis', 'memory', 'used', 'byte']);
    expect(tokenize('ECONNREFUSED')).toEqual(['econnrefused']);
  });

  it('keeps product names written in mixed case whole', () => {
    expect(tokenize('PostgreSQL')).toEqual(['postgres']);
    expect(tokenize('PostgresqlTooManyConnections')).toEqual(['postgres', 'too', 'many', 'connection']);
  });

  it('folds accents and case, and makes plurals singular', () => {
    expect(tokenize('Problèmes de cache Redis')).toEqual(['probleme', 'de', 'cache', 'redis']);
    expect(tokenize('dispatches queries status redis')).toEqual(['dispatch', 'query', 'status', 'redis']);
  });

  it('brings French operations words to the English word alerts use', () => {
    expect(tokenize('Paiements')).toEqual(['payment']);
    expect(tokenize('OSRM en panne')).toEqual(['osrm', 'en', 'down']);
    expect(tokenize('Base de Données inaccessible')).toEqual(['database', 'unavailable']);
    expect(tokenize('Queue Celery saturée')).toEqual(['queue', 'celery', 'full']);
  });
});

describe('contentWords', () => {
  it('drops French and English stop words, generic incident words, numbers and single letters', () => {
    expect(contentWords(tokenize("Taux d'assignation très faible pour l'incident 42"))).toEqual([
      'rate',
      'assignation',
      'low',
    ]);
    expect(contentWords(tokenize('The service is down for all the users'))).toEqual(['down', 'user']);
  });

  it('keeps each word once', () => {
    expect(contentWords(tokenize('Redis redis REDIS'))).toEqual(['redis']);
  });
});

describe('containsSequence', () => {
  it('finds consecutive tokens only', () => {
    expect(containsSequence(['celery', 'queue', 'full', 'now'], ['queue', 'full'])).toBe(true);
    expect(containsSequence(['queue', 'is', 'full'], ['queue', 'full'])).toBe(false);
    expect(containsSequence(['queue'], [])).toBe(false);
  });
});
