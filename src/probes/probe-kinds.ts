import { Type, type Static, type TUnion } from 'typebox';
import { dnsProbe } from './kinds/dns-probe.js';
import { httpProbe } from './kinds/http-probe.js';
import { postgresProbe } from './kinds/postgres-probe.js';
import type { ProbeKindBehaviour, ProbeKindDefinition } from './kinds/probe-kind-definition.js';
import { prometheusProbe } from './kinds/prometheus-probe.js';
import { redisProbe } from './kinds/redis-probe.js';
import { tcpProbe } from './kinds/tcp-probe.js';
import { tlsProbe } from './kinds/tls-probe.js';

/**
 * Probes: checks Astreinte runs itself against a service (what every runbook starts with by hand:
 * `curl -f …/health`, `pg_isready`, `redis-cli ping`, a certificate's expiry, a PromQL query).
 * Each kind has a target (what to reach and how) and yields an `Observation`: named values the
 * probe's conditions (`[STATUS] == 200`, see conditions/) are evaluated against.
 *
 * The one table of probe kinds: a row per kind (`kinds/<kind>-probe.ts`), whose key is its target's
 * `kind`. The kind union, the target schema (API validation and OpenAPI), the checks' dispatch,
 * the secrets sealed, the placeholders and default conditions all come from here; the database
 * keeps the kind as plain text (migration 016). Adding a kind: a file and a row (see the
 * conventions' walkthrough).
 */
export const probeKinds = {
  http: httpProbe,
  tcp: tcpProbe,
  tls: tlsProbe,
  dns: dnsProbe,
  postgres: postgresProbe,
  redis: redisProbe,
  prometheus: prometheusProbe,
} as const satisfies Record<string, ProbeKindDefinition>;

export type ProbeKind = keyof typeof probeKinds;
/** The kinds in the table's order (that of the API's schemas). */
export const probeKindNames = Object.keys(probeKinds) as ProbeKind[];

/** `http (HTTP(S)), tcp (TCP port), …`: the kinds for people, in the API's descriptions. */
export const probeKindsDescribed = probeKindNames.map((kind) => `${kind} (${probeKinds[kind].label})`).join(', ');

/** The target of one kind. */
export type ProbeTargetOf<Kind extends ProbeKind> = Static<(typeof probeKinds)[Kind]['target']>;
export type ProbeTarget = { [Kind in ProbeKind]: ProbeTargetOf<Kind> }[ProbeKind];

type TargetSchema = (typeof probeKinds)[ProbeKind]['target'];
/**
 * Any kind's target, told apart by `kind`: one `anyOf` member per row. TypeBox types a union from
 * a tuple of members, which a list made from the table is not; typed as one member that is the
 * union of the rows' schemas, it has the same static type (`ProbeTarget`).
 */
export const ProbeTargetSchema = Type.Union(probeKindNames.map((kind) => probeKinds[kind].target)) as TUnion<
  [TargetSchema]
>;

/** The rows seen through their targets' types: a lookup by a kind gets functions taking that kind's target. */
const behaviours: { [Kind in ProbeKind]: ProbeKindBehaviour<ProbeTargetOf<Kind>> } = probeKinds;

/**
 * What a target's kind does with it: `probeKindOf(target.kind).check(target, …)` type-checks
 * without a switch, since the row is typed by the same kind as the target.
 */
export function probeKindOf<Kind extends ProbeKind>(kind: Kind): ProbeKindBehaviour<ProbeTargetOf<Kind>> {
  return behaviours[kind];
}
