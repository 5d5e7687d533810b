import { notFound } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import type {
  ActionStatus,
  CorrectiveAction,
  Postmortem,
  PostmortemFacts,
  PostmortemSection,
  PostmortemStatus,
} from './postmortem-model.js';
import { localDate } from './postmortem-time.js';

/** The review lifecycle: a published post-mortem goes back to review to be corrected. */
export const postmortemTransitions: Record<PostmortemStatus, readonly PostmortemStatus[]> = {
  draft: ['in-review'],
  'in-review': ['draft', 'published'],
  published: ['in-review'],
};

export interface PostmortemRow {
  [column: string]: unknown;
  id: string;
  incident_id: string;
  status: PostmortemStatus;
  title: string;
  time_zone: string;
  template_draft_id: string | null;
  sections: PostmortemSection[];
  facts: PostmortemFacts;
  version: number;
  created_at: Date;
  updated_at: Date;
  created_by: string;
  published_at: Date | null;
}

export interface ActionRow {
  [column: string]: unknown;
  id: string;
  postmortem_id: string;
  incident_id: string;
  time_zone: string;
  title: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  status: ActionStatus;
  term: 'short' | 'medium' | 'long' | null;
  done_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const selectPostmortem = `
  SELECT id, incident_id, status, title, time_zone, template_draft_id, sections, facts, version, created_at, updated_at, created_by, published_at
    FROM postmortems WHERE incident_id = $1`;

/** Corrective actions with their post-mortem's incident and zone; the date as text, never a local-midnight Date. */
export const selectActions = `
  SELECT a.id, a.postmortem_id, p.incident_id, p.time_zone, a.title, a.owner_id, u.name AS owner_name,
         to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.status, a.term, a.done_at, a.created_at, a.updated_at
    FROM postmortem_actions a JOIN postmortems p ON p.id = a.postmortem_id LEFT JOIN users u ON u.id = a.owner_id`;

/** Whether an action is late at `now`: still to do, and due before today where the post-mortem is written. */
export function isOverdue(action: { status: ActionStatus; dueDate: string | null }, now: Date, zone: string): boolean {
  return (
    (action.status === 'open' || action.status === 'in-progress') &&
    action.dueDate !== null &&
    action.dueDate < localDate(now, zone)
  );
}

export function toCorrectiveAction(row: ActionRow, now: Date): CorrectiveAction {
  const action = {
    id: row.id,
    postmortemId: row.postmortem_id,
    incidentId: row.incident_id,
    title: row.title,
    owner: row.owner_id === null ? null : { userId: row.owner_id, name: row.owner_name ?? '' },
    dueDate: row.due_date,
    status: row.status,
    term: row.term,
    doneAt: row.done_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  return { ...action, overdue: isOverdue(action, now, row.time_zone) };
}

/** One post-mortem by its incident, with its corrective actions oldest first; not_found when there is none. */
export async function loadPostmortem(db: Queryable, incidentId: string, now: Date): Promise<Postmortem> {
  const row = (await db.query<PostmortemRow>(selectPostmortem, [incidentId])).rows[0];
  if (row === undefined) throw notFound('post-mortem of incident', incidentId);
  const actions = await db.query<ActionRow>(`${selectActions} WHERE a.postmortem_id = $1 ORDER BY a.created_at, a.id`, [
    row.id,
  ]);
  return {
    id: row.id,
    incidentId: row.incident_id,
    status: row.status,
    title: row.title,
    timeZone: row.time_zone,
    templateDraftId: row.template_draft_id,
    sections: row.sections,
    facts: row.facts,
    actions: actions.rows.map((action) => toCorrectiveAction(action, now)),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    createdBy: row.created_by,
    publishedAt: row.published_at?.toISOString() ?? null,
    allowedNextStates: [...postmortemTransitions[row.status]],
  };
}

/** Locks a post-mortem's row for the transaction; not_found when the incident has none. */
export async function lockPostmortemRow(db: Queryable, incidentId: string): Promise<PostmortemRow> {
  const row = (await db.query<PostmortemRow>(`${selectPostmortem} FOR UPDATE`, [incidentId])).rows[0];
  if (row === undefined) throw notFound('post-mortem of incident', incidentId);
  return row;
}
