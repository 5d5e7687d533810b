import { Type, type Static } from 'typebox';
import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { SeveritySchema, type Severity } from '../../incidents/incident-model.js';
import type { Labels } from '../alert-model.js';
import { findInhibitions, indexInhibitions } from '../matching/find-inhibitions.js';
import { cachedMatchers } from '../matching/label-matchers.js';
import { EqualInput, MatchersInput, readMatchers } from './create-inhibit-rule.js';

export const PreviewInhibitRuleInput = Type.Object(
  { sourceMatchers: MatchersInput, targetMatchers: MatchersInput, equal: Type.Optional(EqualInput) },
  { additionalProperties: false },
);
export type PreviewInhibitRuleInput = Static<typeof PreviewInhibitRuleInput>;

/** At most this many firing alerts are read, the most recently seen: the preview stays cheap during a storm. */
export const inhibitPreviewLimit = 5000;
const sampleSize = 5;

const MutedAlertSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  severity: SeveritySchema,
  labels: Type.Record(Type.String(), Type.String()),
  incidentId: Type.Union([Type.String(), Type.Null()]),
  mutedBy: Type.String({ description: 'the title of a firing source alert that would mute it' }),
});

export const InhibitPreviewSchema = Type.Object(
  {
    muted: Type.Integer({ description: 'firing alerts among those examined that the rule would mute now' }),
    sources: Type.Integer({ description: 'firing alerts among those examined that match the source matchers' }),
    examined: Type.Integer(),
    capped: Type.Boolean({
      description: `more than ${inhibitPreviewLimit} alerts fire: only the most recent were examined`,
    }),
    limit: Type.Integer(),
    sample: Type.Array(MutedAlertSchema, { description: `up to ${sampleSize} of the muted alerts, most recent first` }),
  },
  { title: 'InhibitRulePreview' },
);
export type InhibitPreview = Static<typeof InhibitPreviewSchema>;

const selectFiring = `
  SELECT id, title, severity, labels, incident_id FROM alerts
   WHERE status = 'firing' ORDER BY last_seen_at DESC, id LIMIT $1`;

type FiringRow = { id: string; title: string; severity: Severity; labels: Labels; incident_id: string | null };

/**
 * What a draft inhibition rule (admin) would do now, without storing it: how many of the firing
 * alerts it would mute, with a few of them and the source that would mute each — the same
 * matchers and semantics as the ingest path (`findInhibitions`), on the most recent
 * `inhibitPreviewLimit` firing alerts at most, which the answer says when it is the case.
 */
export async function previewInhibitRule({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PreviewInhibitRuleInput;
}): Promise<InhibitPreview> {
  requireRole(ctx, 'admin');
  const rule = {
    id: 'draft',
    sourceMatchers: readMatchers(input.sourceMatchers, '/sourceMatchers'),
    targetMatchers: readMatchers(input.targetMatchers, '/targetMatchers'),
    equal: input.equal ?? [],
  };
  const { rows } = await ctx.db.query<FiringRow>(selectFiring, [inhibitPreviewLimit + 1]);
  const examined = rows.slice(0, inhibitPreviewLimit);
  const byId = new Map(examined.map((alert) => [alert.id, alert]));
  const index = indexInhibitions([rule], examined);
  const isSource = cachedMatchers(rule.sourceMatchers);
  let muted = 0;
  const sample: InhibitPreview['sample'] = [];
  for (const alert of examined) {
    const inhibition = findInhibitions(index, alert.labels)[0];
    if (inhibition === undefined) continue;
    muted += 1;
    if (sample.length < sampleSize)
      sample.push({
        id: alert.id,
        title: alert.title,
        severity: alert.severity,
        labels: alert.labels,
        incidentId: alert.incident_id,
        mutedBy: byId.get(inhibition.sourceId)?.title ?? inhibition.sourceId,
      });
  }
  return {
    muted,
    sources: examined.filter((alert) => isSource(alert.labels)).length,
    examined: examined.length,
    capped: rows.length > inhibitPreviewLimit,
    limit: inhibitPreviewLimit,
    sample,
  };
}
