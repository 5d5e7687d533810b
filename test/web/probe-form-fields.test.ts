import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/core/context.js';
import { listProbeKinds } from '../../src/probes/list-probe-kinds.js';
import { CreateProbeInput } from '../../src/probes/probe-input.js';
import { probeKindNames } from '../../src/probes/probe-kinds.js';
import { bodyOf, draftOf, labelsOf, targetFieldsOf, withKind } from '../../web/src/probes/probe-draft.js';

const viewerCtx = {
  actor: { type: 'user', id: 'u1', name: 'Ada', role: 'viewer' },
  requestId: 'test',
  now: () => new Date(),
} as unknown as Ctx;
const kinds = listProbeKinds({ ctx: viewerCtx });

describe("the probe form's fields, read from the probe kinds' schemas", () => {
  it('finds the target fields of every kind, kind itself left out, credentials marked as the server lists them', () => {
    for (const kind of probeKindNames) {
      const fields = targetFieldsOf(kinds, kind);
      expect(fields.map((field) => field.path)).not.toContain('/kind');
      const info = kinds.find((one) => one.kind === kind)!;
      // A secret string is a password input; a record of secret headers stays a JSON map.
      for (const field of fields.filter((one) => one.secret)) expect(info.secretFields).toContain(field.name);
    }
    expect(targetFieldsOf(kinds, 'http').find((field) => field.path === '/method')?.control).toBe('choice');
  });

  it('gives every hint of every kind in French too', () => {
    const described = probeKindNames.flatMap((kind) =>
      targetFieldsOf(kinds, kind)
        .filter((one) => one.node.description !== undefined)
        .map((field) => ({ at: `${kind} ${field.path}`, fr: field.node['x-description-fr'] })),
    );
    expect(described.map((field) => field.at)).toContain('http /tls/insecure');
    for (const field of described) expect(field.fr, field.at).toMatch(/\S/);
  });

  it("builds an HTTP probe the server's schema accepts, leaving empty timings to the server's defaults", () => {
    const draft = draftOf(kinds, { target: { kind: 'http' } }, true);
    expect(draft.conditions).toEqual(['[STATUS] < 400']);
    const body = bodyOf(
      kinds,
      {
        ...draft,
        name: ' Health ',
        target: { ...draft.target, '/url': 'http://127.0.0.1:8080/health', '/method': 'GET' },
        conditions: ['[STATUS] == 200', '  '],
        timing: { ...draft.timing, intervalSeconds: '30' },
        labels: 'runbook = api-down\n\nteam=core',
      },
      undefined,
    );
    expect(body).toEqual({
      name: 'Health',
      target: { kind: 'http', url: 'http://127.0.0.1:8080/health', method: 'GET' },
      conditions: ['[STATUS] == 200'],
      serviceId: null,
      severity: 'P2',
      labels: { runbook: 'api-down', team: 'core' },
      enabled: true,
      intervalSeconds: 30,
    });
    expect(Value.Check(CreateProbeInput, body)).toBe(true);
  });

  it("sends the kind's default conditions when every one was removed, so an edit does not keep the old ones", () => {
    const draft = { ...draftOf(kinds, { target: { kind: 'tcp' } }, true), conditions: [] };
    expect(bodyOf(kinds, draft, undefined)['conditions']).toEqual(['[CONNECTED] == true']);
  });

  it("keeps a stored credential left empty, and fills a suggestion's in as given", () => {
    const stored = { kind: 'redis', url: 'redis://:********@cache:6379' };
    const edited = draftOf(kinds, { name: 'Cache', target: stored }, false);
    expect(edited.target['/url']).toBe('');
    expect(bodyOf(kinds, edited, stored)['target']).toEqual({ kind: 'redis', url: '********' });
    const suggested = draftOf(kinds, { name: 'Cache', target: { kind: 'redis', url: 'redis://cache:6379' } }, true);
    expect(suggested.target['/url']).toBe('redis://cache:6379');
  });

  it('starts the target and conditions over when the kind changes, keeping the name and timing', () => {
    const draft = { ...draftOf(kinds, { target: { kind: 'http' } }, true), name: 'Port' };
    const switched = withKind(kinds, draft, 'tcp');
    expect(switched).toMatchObject({ name: 'Port', kind: 'tcp', target: { '/host': '', '/port': '' } });
    expect(labelsOf('a=b=c\nalone')).toEqual({ a: 'b=c', alone: '' });
  });
});
