import { Type, type Static } from 'typebox';
import type { Queryable } from '../storage/database.js';

export const IncidentChecklistItemSchema = Type.Object({
  position: Type.Integer({ minimum: 1, description: '1-based, in the order the items were given' }),
  text: Type.String(),
  checked: Type.Boolean(),
  checkedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  checkedBy: Type.Union([Type.String({ description: 'name of who checked it' }), Type.Null()]),
});

export const IncidentChecklistSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    incidentId: Type.String(),
    templateId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    items: Type.Array(IncidentChecklistItemSchema),
    progress: Type.Object({ checked: Type.Integer(), total: Type.Integer() }),
  },
  { title: 'IncidentChecklist' },
);
/** A checklist attached to an incident: its own copy of the items, each checked or not. */
export type IncidentChecklist = Static<typeof IncidentChecklistSchema>;

interface ChecklistItemJoinRow {
  [column: string]: unknown;
  id: string;
  incident_id: string;
  template_id: string | null;
  name: string;
  created_at: Date;
  position: number;
  text: string;
  checked_at: Date | null;
  checked_by: string | null;
}

/** Checklists with their items, one row per item; `$2` null for all of the incident's checklists. */
const selectIncidentChecklists = `
  SELECT c.id, c.incident_id, c.template_id, c.name, c.created_at, i.position, i.text, i.checked_at, i.checked_by
    FROM incident_checklists c JOIN incident_checklist_items i ON i.checklist_id = c.id
   WHERE c.incident_id = $1 AND ($2::uuid IS NULL OR c.id = $2::uuid)
   ORDER BY c.created_at, c.id, i.position`;

/** Reads an incident's checklists (or one of them) as the API shows them, oldest first. */
export async function loadIncidentChecklists(
  db: Queryable,
  incidentId: string,
  checklistId: string | null = null,
): Promise<IncidentChecklist[]> {
  const { rows } = await db.query<ChecklistItemJoinRow>(selectIncidentChecklists, [incidentId, checklistId]);
  const byId = new Map<string, IncidentChecklist>();
  for (const row of rows) {
    let checklist = byId.get(row.id);
    if (checklist === undefined) {
      checklist = {
        id: row.id,
        incidentId: row.incident_id,
        templateId: row.template_id,
        name: row.name,
        createdAt: row.created_at.toISOString(),
        items: [],
        progress: { checked: 0, total: 0 },
      };
      byId.set(row.id, checklist);
    }
    const checked = row.checked_at !== null;
    checklist.items.push({
      position: row.position,
      text: row.text,
      checked,
      checkedAt: row.checked_at?.toISOString() ?? null,
      checkedBy: row.checked_by,
    });
    checklist.progress.total += 1;
    if (checked) checklist.progress.checked += 1;
  }
  return [...byId.values()];
}
