import { describe, expect, it } from 'vitest';
import { probeKindNames, probeKinds } from '../../src/probes/probe-kinds.js';
import { testBackends } from '../support/test-database.js';
import { useTestApp } from '../support/test-app.js';

type KindInfo = {
  kind: string;
  label: string;
  schema: { properties: Record<string, unknown>; required: string[] };
  secretFields: string[];
  placeholders: string[];
  defaultConditions: string[];
};

describe.each(testBackends)('the probe kinds through the API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  it.skipIf(!available)(
    'lists every row of the kinds table with its target schema, secrets, placeholders and defaults, to viewers',
    async () => {
      const response = await t.call('GET', '/api/v1/probes/kinds', { token: t.users.viewer.token });
      expect(response.statusCode, response.body).toBe(200);
      const kinds = response.json<KindInfo[]>();
      expect(kinds.map((info) => info.kind)).toEqual(probeKindNames);
      for (const info of kinds) {
        const row = probeKinds[info.kind as keyof typeof probeKinds];
        expect(info.label).toBe(row.label);
        expect(info.schema.properties['kind']).toEqual({ type: 'string', const: info.kind });
        expect(info.secretFields).toEqual(Object.keys(row.secretFields));
        expect(info.placeholders).toEqual([...row.placeholders]);
        expect(info.defaultConditions).toEqual([...row.defaultConditions]);
      }
      expect(kinds.find((info) => info.kind === 'http')?.schema.required).toEqual(['kind', 'url']);
    },
  );

  it.skipIf(!available)('refuses the kinds to a caller without a session or token', async () => {
    expect((await t.call('GET', '/api/v1/probes/kinds', { token: null })).statusCode).toBe(401);
  });
});
