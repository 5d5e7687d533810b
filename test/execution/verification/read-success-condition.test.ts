import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/runbooks/runbook-model.js';
import { readSuccessCondition } from '../../../src/execution/verification/read-success-condition.js';

function step(body: string, attributes: Record<string, string> = {}, kind: Step['kind'] = 'command'): Step {
  return {
    id: 's1',
    kind,
    title: null,
    language: 'shell',
    body,
    attributes,
    parameters: [],
    risk: 'read-only',
    riskReasons: [],
    phase: null,
    inlineSecrets: [],
    parseError: null,
    lines: { start: 1, end: 1 },
  };
}

describe('reading the success condition of a step', () => {
  it('reads the expectation comments of French and English runbooks', () => {
    expect(
      readSuccessCondition(step('docker exec akig-cache redis-cli ping\n# Doit retourner: PONG'), 'recovery'),
    ).toEqual({ exitCodes: [0], outputContains: 'PONG', source: 'comment' });
    expect(
      readSuccessCondition(
        step('curl -s localhost/api/health | jq .database\n\n# Doit retourner: "database": "connected"'),
        'verification',
      ),
    ).toMatchObject({ outputContains: '"database": "connected"' });
    expect(
      readSuccessCondition(step('systemctl is-active app # ignored\n# Should return `active`'), 'diagnosis'),
    ).toMatchObject({ outputContains: 'active' });
    expect(readSuccessCondition(step('cat /ready\n# Résultat attendu : ready'), 'diagnosis')).toMatchObject({
      outputContains: 'ready',
    });
    expect(
      readSuccessCondition(
        step("curl -s -o /dev/null -w '%{http_code}' localhost\n# Expected: 200 OK"),
        'verification',
      ),
    ).toEqual({ exitCodes: [0], httpStatus: ['200'], source: 'comment' });
  });

  it('takes Runme-style fence attributes over comments', () => {
    expect(
      readSuccessCondition(
        step('grep -c error app.log\n# Expected: 0', {
          expectExitCode: '1',
          expectMatch: '^0$',
          expectHttpStatus: '2xx, 301',
        }),
        'diagnosis',
      ),
    ).toEqual({
      exitCodes: [1],
      outputMatches: '^0$',
      httpStatus: ['2xx', '301'],
      source: 'attributes',
    });
    expect(readSuccessCondition(step('redis-cli ping', { expect: 'PONG' }), 'diagnosis')).toEqual({
      exitCodes: [0],
      outputContains: 'PONG',
      source: 'attributes',
    });
  });

  it('expects exit status 0 of a verification step that says nothing, and nothing of other steps', () => {
    expect(readSuccessCondition(step('curl -f localhost/health'), 'verification')).toEqual({
      exitCodes: [0],
      source: 'default',
    });
    expect(readSuccessCondition(step('curl -f localhost/health'), 'diagnosis')).toBeNull();
    expect(readSuccessCondition(step('Open the dashboard', {}, 'manual'), 'verification')).toBeNull();
  });

  it('does not take a vague comment for an expectation', () => {
    expect(
      readSuccessCondition(step('redis-cli INFO clients\n# Connected clients: devrait être ~10-20'), 'diagnosis'),
    ).toBeNull();
    expect(readSuccessCondition(step('# Vérifier\nredis-cli ping'), 'diagnosis')).toBeNull();
  });
});
