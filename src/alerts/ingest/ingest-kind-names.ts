/**
 * The names of the kinds of integration, in the order the console lists them: the keys of
 * `ingestKinds` (`ingest-kinds.ts`), which must have exactly one row for each (a missing or
 * extra row is a type error there). They are apart from the table because the console imports
 * this union (type-only) and the table's rows load Node-only code the console's build must not see.
 */
export const integrationKindNames = ['prometheus', 'alertmanager', 'pagerduty', 'webhook', 'heartbeat'] as const;

/** A kind of integration senders use. */
export type IntegrationKind = (typeof integrationKindNames)[number];

/**
 * Kinds alerts are ingested under: the table's, and `probe`, the integration Astreinte's own
 * probes report through (migration 010), which no sender can use: it has no row.
 */
export type IngestKind = IntegrationKind | 'probe';

/** Settings fields that belong to some kinds only (the others are common to every kind). */
export const kindSettings = ['mapping', 'heartbeat'] as const;
export type KindSetting = (typeof kindSettings)[number];
