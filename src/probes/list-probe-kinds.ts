import { Type, type Static } from 'typebox';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { probeKindNames, probeKinds } from './probe-kinds.js';

/** A probe kind as the console offers it (`GET /api/v1/probes/kinds`), read from its row. */
export const ProbeKindInfoSchema = Type.Object(
  {
    kind: Type.Enum(probeKindNames),
    label: Type.String(),
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description: 'JSON Schema of the target; credentials marked x-secret (write-only)',
    }),
    secretFields: Type.Array(Type.String(), { description: 'the target fields holding credentials' }),
    placeholders: Type.Array(Type.String(), {
      description: 'what conditions may read, without brackets: `STATUS` for `[STATUS] == 200`',
    }),
    defaultConditions: Type.Array(Type.String(), { description: 'what a probe of this kind checks by default' }),
  },
  { title: 'ProbeKind' },
);
export type ProbeKindInfo = Static<typeof ProbeKindInfoSchema>;

/**
 * The kinds a probe can be, from the `probeKinds` table (viewer: nothing in it is a secret): the
 * console builds its target form and its conditions' hints from each row rather than keeping a
 * copy, so a new kind needs no console change.
 */
export function listProbeKinds({ ctx }: { ctx: Ctx }): ProbeKindInfo[] {
  requireRole(ctx, 'viewer');
  return probeKindNames.map((kind) => {
    const row = probeKinds[kind];
    // A plain copy: the TypeBox schema object also carries symbol keys.
    const schema = JSON.parse(JSON.stringify(row.target)) as Record<string, unknown>;
    return {
      kind,
      label: row.label,
      schema,
      secretFields: Object.keys(row.secretFields),
      placeholders: [...row.placeholders],
      defaultConditions: [...row.defaultConditions],
    };
  });
}
