import { describe, expect, it } from 'vitest';
import { integrationKindNames } from '../../../src/alerts/ingest/ingest-kind-names.js';
import { endpointOf, ingestKinds } from '../../../src/alerts/ingest/ingest-kinds.js';

describe('the table of ingest kinds', () => {
  it('has one row for each kind name, in the same order', () => {
    expect(Object.keys(ingestKinds)).toEqual([...integrationKindNames]);
  });

  it('gives no two kinds the same route, so registering them all cannot clash', () => {
    const routes = integrationKindNames.flatMap((kind) =>
      ingestKinds[kind].routes.map(({ method, path }) => `${method} ${path}`),
    );
    expect(new Set(routes).size).toBe(routes.length);
  });

  it("shows a kind's first route as its endpoint, a path parameter written {name}", () => {
    expect(endpointOf('prometheus')).toBe('/api/v2/alerts');
    expect(endpointOf('heartbeat')).toBe('/integrations/heartbeat/{key}');
  });
});
