import { describe, expect, it } from 'vitest';
import { checkConditions } from '../../src/probes/conditions/index.js';
import { probeKindNames, probeKinds, ProbeTargetSchema } from '../../src/probes/probe-kinds.js';
import { redactProbeTarget } from '../../src/probes/probe-secrets.js';

interface SchemaNode {
  const?: unknown;
  'x-secret'?: boolean;
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
}

/** The target fields the schema marks secret: a string marked itself, or a record whose values are. */
function fieldsMarkedSecret(schema: SchemaNode): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(
      ([, field]) =>
        field['x-secret'] === true || Object.values(field.patternProperties ?? {}).some((one) => one['x-secret']),
    )
    .map(([name]) => name);
}

describe('the probe kinds table', () => {
  it('keys each row by the kind its target schema holds', () => {
    for (const kind of probeKindNames) {
      const target = probeKinds[kind].target as SchemaNode;
      expect(target.properties?.kind?.const, kind).toBe(kind);
    }
  });

  it('makes the API target schema one member per row, in the table order', () => {
    const members = (ProbeTargetSchema as { anyOf: SchemaNode[] }).anyOf;
    expect(members.map((member) => member.properties?.kind?.const)).toEqual(probeKindNames);
  });

  it('lists as secret exactly the fields each schema marks secret', () => {
    for (const kind of probeKindNames) {
      const listed = Object.keys(probeKinds[kind].secretFields).sort();
      expect(listed, kind).toEqual(fieldsMarkedSecret(probeKinds[kind].target as SchemaNode).sort());
    }
  });

  it('gives every kind the placeholders checkProbe fills and default conditions its placeholders allow', () => {
    for (const kind of probeKindNames) {
      const { placeholders, defaultConditions } = probeKinds[kind];
      expect(placeholders, kind).toEqual(expect.arrayContaining(['CONNECTED', 'RESPONSE_TIME']));
      expect(checkConditions(defaultConditions, placeholders).issues, kind).toEqual([]);
    }
  });

  it('redacts secrets as each row says: a connection URL but its password, each secret header whole', () => {
    expect(redactProbeTarget({ kind: 'postgres', url: 'postgres://app:hunter2@db:5432/app' })).toEqual({
      kind: 'postgres',
      url: 'postgres://app:********@db:5432/app',
    });
    expect(
      redactProbeTarget({
        kind: 'http',
        url: 'https://api.example.com/health',
        headers: { Accept: 'application/json' },
        secretHeaders: { Authorization: 'Bearer abc' },
      }),
    ).toEqual({
      kind: 'http',
      url: 'https://api.example.com/health',
      headers: { Accept: 'application/json' },
      secretHeaders: { Authorization: '********' },
    });
    expect(redactProbeTarget({ kind: 'tcp', host: 'db', port: 5432 })).toEqual({ kind: 'tcp', host: 'db', port: 5432 });
  });
});
