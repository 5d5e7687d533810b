import { randomUUID } from 'node:crypto';
import type { AppError, FieldIssue } from '../../core/app-error.js';
import { alertActions, type AlertAction, type IncomingAlert, type Labels } from '../alert-model.js';
import {
  addIssue,
  isRecord,
  maxDedupKeyLength,
  nonBlank,
  readOptionalString,
  readRequiredString,
  throwIfIssues,
  throwIssue,
  toTitle,
} from './ingest-checks.js';
import { readLinks, readPagerDutyPayload, type PagerDutyPayload } from './pagerduty-payload.js';

/** One PagerDuty Events API v2 event, read: the routing key says which integration it is for. */
export interface PagerDutyEvent {
  routingKey: string;
  /** The sender's `dedup_key`, or the one generated for a trigger without one (to answer with). */
  dedupKey: string;
  alert: IncomingAlert;
}

/**
 * Reads a PagerDuty Events API v2 event (`POST /v2/enqueue`) as PagerDuty does: `routing_key` and
 * `event_action` always; a trigger needs `payload.summary`, `payload.source` and
 * `payload.severity`; acknowledge and resolve need the `dedup_key` of what they end (their payload
 * is ignored, as PagerDuty ignores it). A trigger without a key gets a random one, which PagerDuty
 * returns to the sender, and so must the caller.
 *
 * Labels are the payload's source, component, group, class and severity; annotations its summary
 * and `custom_details` (JSON text under `details`). `now` is unused; every parser takes it.
 * Throws one validation error naming every bad field (`/payload/severity`).
 */
export const parsePagerDutyEvent: (body: unknown, now: Date) => PagerDutyEvent = (body) => {
  if (!isRecord(body)) throwIssue('PagerDuty event', '', 'must be a JSON object (a PagerDuty event)');
  const issues: FieldIssue[] = [];
  const routingKey = readRequiredString(body, 'routing_key', '', issues);
  const action = readEventAction(body, issues);
  const givenKey = nonBlank(readOptionalString(body, 'dedup_key', '', issues));
  if (givenKey !== undefined && givenKey.length > maxDedupKeyLength)
    addIssue(issues, '/dedup_key', `must be at most ${maxDedupKeyLength} characters`);
  if (givenKey === undefined && (action === 'acknowledge' || action === 'resolve'))
    addIssue(issues, '/dedup_key', `is required to ${action}`);
  // Without a valid action, the payload is still checked: a typo in the action then costs one round trip.
  const payload = action === 'trigger' || action === undefined ? readPagerDutyPayload(body, issues) : undefined;
  readOptionalString(body, 'client', '', issues);
  const clientUrl = nonBlank(readOptionalString(body, 'client_url', '', issues));
  const links = readLinks(body, issues);
  throwIfIssues('PagerDuty event', issues);
  const dedupKey = givenKey ?? randomUUID().replaceAll('-', '');
  return {
    routingKey: routingKey ?? '',
    dedupKey,
    alert: toIncomingAlert(dedupKey, action ?? 'trigger', payload, body, clientUrl ?? links[0] ?? null),
  };
};

function readEventAction(event: Record<string, unknown>, issues: FieldIssue[]): AlertAction | undefined {
  const value = event['event_action'];
  const action = alertActions.find((candidate) => candidate === value);
  if (action === undefined) {
    const problem = value === undefined || value === null || value === '' ? 'is missing or blank' : 'is invalid';
    addIssue(issues, '/event_action', `${problem} (must be one of 'trigger', 'acknowledge' or 'resolve')`);
  }
  return action;
}

function toIncomingAlert(
  dedupKey: string,
  action: AlertAction,
  payload: PagerDutyPayload | undefined,
  event: Record<string, unknown>,
  sourceUrl: string | null,
): IncomingAlert {
  const annotations: Labels = {};
  if (payload !== undefined) annotations['summary'] = payload.summary;
  if (payload?.details !== undefined) annotations['details'] = payload.details;
  // An acknowledge or resolve carries no payload to speak of; a summary sent anyway still helps.
  const looseSummary =
    isRecord(event['payload']) && typeof event['payload']['summary'] === 'string'
      ? nonBlank(event['payload']['summary'])
      : undefined;
  return {
    fingerprint: dedupKey,
    action,
    labels: payload?.labels ?? {},
    annotations,
    title: toTitle(payload?.summary ?? looseSummary ?? dedupKey),
    severity: payload?.severity ?? null,
    startsAt: payload?.timestamp ?? null,
    endsAt: null,
    sourceUrl,
  };
}

/** The body PagerDuty answers a bad event with (HTTP 400); senders' libraries expect this shape. */
export interface PagerDutyErrorBody {
  status: 'invalid event';
  message: 'Event object is invalid';
  /** One sentence per bad field, naming it as PagerDuty does: `'payload.summary' is missing or blank`. */
  errors: string[];
}

/** `/payload/summary` → `payload.summary`, `/links/0/href` → `links[0].href`, the root → `event`. */
export function pagerDutyFieldName(pointer: string): string {
  if (pointer === '' || pointer === '/') return 'event';
  let name = '';
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    name += /^\d+$/.test(token) ? `[${token}]` : `${name === '' ? '' : '.'}${token}`;
  }
  return name;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldIssue).path === 'string' &&
    typeof (value as FieldIssue).message === 'string'
  );
}

/**
 * Formats an error from `parsePagerDutyEvent` as PagerDuty's own 400 answer, so that tools
 * written for PagerDuty show the reasons. An error without field issues gives its message alone.
 */
export function pagerDutyErrorBody(error: AppError): PagerDutyErrorBody {
  const issues = Array.isArray(error.details['issues'])
    ? (error.details['issues'] as unknown[]).filter(isFieldIssue)
    : [];
  const errors =
    issues.length > 0 ? issues.map((issue) => `'${pagerDutyFieldName(issue.path)}' ${issue.message}`) : [error.message];
  return { status: 'invalid event', message: 'Event object is invalid', errors };
}
