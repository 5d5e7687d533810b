import type { Static, TObject } from 'typebox';
import type { FieldIssue } from '../../core/app-error.js';
import type { CheckOptions, Observation } from '../probe-model.js';

/** What a check may need from the server besides its target. */
export interface CheckEnvironment {
  /** The Prometheus queried by Prometheus probes that name none (`ASTREINTE_PROMETHEUS_URL`). */
  prometheusUrl: string | null;
}

/**
 * How a secret field of a target is sealed and shown: `url`, a connection URL holding a password
 * (sealed whole, shown with only its password masked so targets can still be told apart);
 * `values`, a record whose every value is a credential (`secretHeaders`), each shown as `********`.
 */
export type SecretStyle = 'url' | 'values';

/**
 * What differs between probe kinds once the target is typed: the check, the secrets, what the
 * schema cannot say about a target. Methods (not function properties) so that the table can hold
 * rows of different targets under one `satisfies`.
 */
export interface ProbeKindBehaviour<Target> {
  /** Runs one check. Never throws: a target that cannot be reached is `reached: false`. */
  check(target: Target, options: CheckOptions, environment: CheckEnvironment): Promise<Observation>;
  /** The fields holding credentials; each must also carry `secret` in the schema (a test checks both agree). */
  secretFields: Partial<Record<keyof Target & string, SecretStyle>>;
  /** What the schema cannot check (paths from the probe: `/target/url`); none when absent. */
  checkTarget?(target: Target, environment: CheckEnvironment): FieldIssue[];
}

/**
 * One row of `probeKinds` (`src/probes/probe-kinds.ts`): everything a probe kind is, besides the
 * code of its check.
 */
export interface ProbeKindDefinition<Schema extends TObject = TObject> extends ProbeKindBehaviour<Static<Schema>> {
  /** Its name for people (`PostgreSQL`), in the API's description and the CLI's help. */
  label: string;
  /** The target's schema; its `kind` is `Type.Literal('<the row's key>')`. */
  target: Schema;
  /**
   * The placeholders its conditions may use, for validating conditions when a probe is saved.
   * Every kind has `CONNECTED` (boolean: `reached`, unless the check says more precisely, e.g.
   * authenticated) and `RESPONSE_TIME` (ms), filled by `checkProbe`.
   */
  placeholders: readonly string[];
  /** What a probe of this kind checks when no condition is given. */
  defaultConditions: readonly string[];
}

/** Types a row against its own target schema (the table then checks every row fits a definition). */
export function defineProbeKind<Schema extends TObject>(
  definition: ProbeKindDefinition<Schema>,
): ProbeKindDefinition<Schema> {
  return definition;
}
