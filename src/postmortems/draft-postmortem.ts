import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { conflict, notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { appendIncidentEvent } from '../incidents/append-incident-event.js';
import { loadIncident, lockIncidentRow } from '../incidents/load-incident.js';
import { canonicalTimeZone, TimeZoneSchema } from '../users/user-model.js';
import { gatherPostmortemFacts } from './gather-postmortem-facts.js';
import type { Postmortem } from './postmortem-model.js';
import { initialSections } from './postmortem-sections.js';
import { loadPostmortem } from './postmortem-store.js';
import { serverTimeZone } from './postmortem-time.js';

export const DraftPostmortemInput = Type.Object(
  {
    timeZone: Type.Optional(TimeZoneSchema),
    templateDraftId: Type.Optional(
      Type.String({ format: 'uuid', description: 'a post-mortem template draft; default: the adopted one, if any' }),
    ),
    replace: Type.Optional(
      Type.Boolean({
        description: 'draft again over an existing post-mortem still in draft (its corrective actions stay)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DraftPostmortemInput = Static<typeof DraftPostmortemInput>;

const selectTemplate = `
  SELECT id, data FROM runbook_drafts
   WHERE kind = 'postmortem-template' AND status <> 'dismissed' AND ($1::uuid IS NULL AND status = 'adopted' OR id = $1::uuid)
   ORDER BY created_at DESC, id LIMIT 1`;

const selectExisting = 'SELECT status, version FROM postmortems WHERE incident_id = $1 FOR UPDATE';

const insertPostmortem = `
  INSERT INTO postmortems (incident_id, title, time_zone, template_draft_id, sections, facts, created_at, updated_at, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`;

const replacePostmortem = `
  UPDATE postmortems SET title = $2, time_zone = $3, template_draft_id = $4, sections = $5, facts = $6, updated_at = $7, version = version + 1
   WHERE incident_id = $1`;

/**
 * Drafts the post-mortem of an incident (responder) from its timeline: the key moments and the
 * measured durations, in `timeZone` (default: the server's), and sections in the adopted
 * template's words (or the given template, or the default ones), summary and impact taken from
 * the incident, the rest empty for the humans. One per incident: drafting again is a 409 unless
 * `replace` is set and it is still a draft. Says so in the incident's timeline.
 */
export async function draftPostmortem({
  ctx,
  input,
  defaultTimeZone,
}: {
  ctx: Ctx;
  input: { id: string } & DraftPostmortemInput;
  defaultTimeZone?: string;
}): Promise<Postmortem> {
  requireRole(ctx, 'responder');
  const timeZone = canonicalTimeZone(input.timeZone ?? defaultTimeZone ?? serverTimeZone());
  return inTransaction(ctx, async (tx) => {
    await lockIncidentRow(tx, input.id);
    const now = tx.now();
    const existing = (await tx.db.query<{ status: string; version: number }>(selectExisting, [input.id])).rows[0];
    if (existing !== undefined && (input.replace !== true || existing.status !== 'draft')) {
      throw conflict(
        existing.status === 'draft'
          ? `${input.id} already has a post-mortem: send replace: true to draft it again`
          : `${input.id}'s post-mortem is ${existing.status}: it can no longer be redrafted`,
        { status: existing.status, version: existing.version },
      );
    }
    const template = (
      await tx.db.query<{ id: string; data: { sections: string[] } }>(selectTemplate, [input.templateDraftId ?? null])
    ).rows[0];
    if (input.templateDraftId !== undefined && template === undefined)
      throw notFound('post-mortem template draft', input.templateDraftId);
    const incident = await loadIncident(tx.db, input.id, now);
    const facts = await gatherPostmortemFacts(tx.db, incident);
    const sections = initialSections(template?.data.sections ?? null, incident);
    const values = [
      input.id,
      `Post-mortem: ${incident.title}`,
      timeZone,
      template?.id ?? null,
      JSON.stringify(sections),
      JSON.stringify(facts),
      now,
    ];
    if (existing === undefined) await tx.db.query(insertPostmortem, [...values, tx.actor.name]);
    else await tx.db.query(replacePostmortem, values);
    const replaced = existing !== undefined;
    await appendIncidentEvent(tx, input.id, {
      type: 'postmortem_drafted',
      payload: {
        timeZone,
        templateDraftId: template?.id ?? null,
        replaced,
      },
    });
    await recordAudit(tx, {
      action: replaced ? 'postmortem.redraft' : 'postmortem.draft',
      targetType: 'incident',
      targetId: input.id,
      details: { timeZone, templateDraftId: template?.id ?? null },
    });
    return loadPostmortem(tx.db, input.id, now);
  });
}
