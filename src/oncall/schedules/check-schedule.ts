import { Value } from 'typebox/value';
import { validationError, type FieldIssue } from '../../core/app-error.js';
import {
  LayerSchema,
  OverrideSchema,
  ScheduleSchema,
  wallClockPattern,
  type Layer,
  type Override,
  type Schedule,
} from './schedule-model.js';
import { isKnownTimeZone } from './zone-clock.js';

/** TypeBox's messages, reworded where they would leave a person guessing. */
function schemaIssues(input: unknown, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of Value.Errors(ScheduleSchema, input)) {
    const at = `${path}${error.instancePath}`;
    if (error.keyword === 'additionalProperties') continue; // reported again, per key, as `boolean`
    if (error.keyword === 'required') {
      // Reported on the parent; the missing field itself is the more useful path.
      const names = (error.params as { requiredProperties?: string[] }).requiredProperties ?? [];
      for (const name of names) issues.push({ path: `${at}/${name}`, message: 'is required' });
      continue;
    }
    const params = error.params as { pattern?: string; format?: string; allowedValues?: unknown[] };
    let message = error.message;
    if (error.keyword === 'boolean') message = 'is not a known field';
    else if (params.pattern === wallClockPattern) message = 'must be a local time HH:mm, from 00:00 to 23:59';
    else if (params.format === 'date-time')
      message = 'must be an ISO 8601 date-time with an offset, like 2026-03-02T09:00:00+01:00';
    else if (params.allowedValues !== undefined) message = `must be one of ${params.allowedValues.join(', ')}`;
    issues.push({ path: at, message });
  }
  return issues;
}

/** Records the id's first path, or an issue when it was seen before. */
function checkDistinctId(seen: Map<string, string>, id: string, at: string, issues: FieldIssue[]): void {
  const first = seen.get(id);
  if (first === undefined) seen.set(id, at);
  else issues.push({ path: `${at}/id`, message: `repeats the id of ${first}` });
}

/**
 * `format: date-time` accepts what `Date.parse` cannot read (an RFC 9557 `[zone]` suffix, a
 * leap second), and the period must not be empty.
 */
function checkPeriod(startsAt: string, endsAt: string | undefined, at: string, issues: FieldIssue[]): void {
  const start = Date.parse(startsAt);
  const end = endsAt === undefined ? Infinity : Date.parse(endsAt);
  if (Number.isNaN(start))
    issues.push({
      path: `${at}/startsAt`,
      message: 'is not a date-time that can be read: drop any [zone] suffix or leap second',
    });
  if (Number.isNaN(end))
    issues.push({
      path: `${at}/endsAt`,
      message: 'is not a date-time that can be read: drop any [zone] suffix or leap second',
    });
  else if (!Number.isNaN(start) && end <= start)
    issues.push({ path: `${at}/endsAt`, message: 'must be after startsAt' });
}

function checkLayer(layer: Layer, at: string, issues: FieldIssue[]): void {
  checkPeriod(layer.startsAt, layer.endsAt, at, issues);
  const { kind, lengthMinutes, handoffWeekday } = layer.rotation;
  const rotation = `${at}/rotation`;
  if (kind === 'custom' && lengthMinutes === undefined)
    issues.push({ path: `${rotation}/lengthMinutes`, message: 'is required by a custom rotation' });
  if (kind !== 'custom' && lengthMinutes !== undefined) {
    issues.push({
      path: `${rotation}/lengthMinutes`,
      message: `is only for custom rotations: a ${kind} shift follows the wall clock`,
    });
  }
  if (kind === 'weekly' && handoffWeekday === undefined)
    issues.push({ path: `${rotation}/handoffWeekday`, message: 'is required by a weekly rotation' });
  if (kind !== 'weekly' && handoffWeekday !== undefined)
    issues.push({ path: `${rotation}/handoffWeekday`, message: 'is only for weekly rotations' });
}

function checkOverride(override: Override, at: string, issues: FieldIssue[]): void {
  checkPeriod(override.startsAt, override.endsAt, at, issues);
  if (override.swap === undefined) return;
  if (override.swap.takenBy !== override.userId)
    issues.push({ path: `${at}/swap/takenBy`, message: 'must be the override userId: who takes the shift is on call' });
  if (override.swap.requestedBy === override.swap.takenBy)
    issues.push({ path: `${at}/swap/requestedBy`, message: 'must differ from takenBy' });
}

/**
 * Every problem of a schedule, as JSON-pointer issues under `path` (say `/schedule` when it is
 * nested in a request body): the schema first, then what it cannot express: a time zone this
 * runtime knows, periods that end after they start, the fields each rotation kind needs (custom:
 * lengthMinutes; weekly: handoffWeekday; neither elsewhere), distinct layer and override ids, and
 * a swap consistent with its override. A layer or override that fails the schema is not checked
 * further, so no issue is reported twice.
 */
export function listScheduleIssues(input: unknown, path = ''): FieldIssue[] {
  const issues = schemaIssues(input, path);
  if (typeof input !== 'object' || input === null) return issues;
  const { timeZone, layers, overrides } = input as Record<string, unknown>;
  if (typeof timeZone === 'string' && !isKnownTimeZone(timeZone)) {
    issues.push({ path: `${path}/timeZone`, message: 'is not an IANA time zone, like Europe/Paris' });
  }
  const layerIds = new Map<string, string>();
  (Array.isArray(layers) ? layers : []).forEach((layer: unknown, index) => {
    if (!Value.Check(LayerSchema, layer)) return;
    const at = `${path}/layers/${index}`;
    checkDistinctId(layerIds, layer.id, at, issues);
    checkLayer(layer, at, issues);
  });
  const overrideIds = new Map<string, string>();
  (Array.isArray(overrides) ? overrides : []).forEach((override: unknown, index) => {
    if (!Value.Check(OverrideSchema, override)) return;
    const at = `${path}/overrides/${index}`;
    checkDistinctId(overrideIds, override.id, at, issues);
    checkOverride(override, at, issues);
  });
  return issues;
}

/**
 * Checks a schedule (see `listScheduleIssues`) and returns it typed, or throws one validation
 * error naming every failing field. Computations assume a schedule that passed this check.
 */
export function checkSchedule(input: unknown, path = ''): Schedule {
  const issues = listScheduleIssues(input, path);
  if (issues.length === 0) return input as Schedule;
  // The first few in the message too, for logs and tests that print only the message.
  const shown = issues
    .slice(0, 3)
    .map((issue) => `${issue.path} ${issue.message}`)
    .join('; ');
  throw validationError(
    `invalid on-call schedule: ${shown}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`,
    issues,
  );
}
