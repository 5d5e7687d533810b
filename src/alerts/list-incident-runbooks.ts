import { Type, type Static } from 'typebox';
import { notFound } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';

export const SuggestedRunbookSchema = Type.Object(
  {
    runbookId: Type.String(),
    title: Type.String(),
    score: Type.Number({ description: '0 to 1; 1 for a runbook the alert names itself' }),
    matched: Type.Array(Type.String(), { description: 'the words and terms that matched' }),
    explicit: Type.Boolean({ description: 'the alert named it (runbook_url annotation or runbook label)' }),
    alertId: Type.Union([Type.String(), Type.Null()]),
    suggestedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'SuggestedRunbook' },
);
export type SuggestedRunbook = Static<typeof SuggestedRunbookSchema>;

const selectSuggestions = `
  SELECT s.runbook_id, r.title, s.score, s.matched, s.explicit, s.alert_id, s.suggested_at
    FROM incident_runbooks s JOIN runbooks r ON r.id = s.runbook_id
   WHERE s.incident_id = $1
   ORDER BY s.explicit DESC, s.score DESC, s.runbook_id`;

/** The runbooks attached to an incident because its alerts match their symptoms, best first (viewer). */
export async function listIncidentRunbooks({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string };
}): Promise<SuggestedRunbook[]> {
  requireRole(ctx, 'viewer');
  const { rows: incident } = await ctx.db.query('SELECT 1 FROM incidents WHERE id = $1', [input.id]);
  if (incident.length === 0) throw notFound('incident', input.id);
  const { rows } = await ctx.db.query<{
    runbook_id: string;
    title: string;
    score: number;
    matched: string[];
    explicit: boolean;
    alert_id: string | null;
    suggested_at: Date;
  }>(selectSuggestions, [input.id]);
  return rows.map((row) => ({
    runbookId: row.runbook_id,
    title: row.title,
    score: Math.round(row.score * 1000) / 1000,
    matched: row.matched,
    explicit: row.explicit,
    alertId: row.alert_id,
    suggestedAt: row.suggested_at.toISOString(),
  }));
}
