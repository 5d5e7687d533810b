import { Type } from 'typebox';
import { validationError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { actionStatuses, actionTerms, DueDateSchema } from './postmortem-model.js';

/** The fields of a corrective action, shared by adding and changing one. */
export const actionFields = {
  title: Type.String({ minLength: 1, maxLength: 500 }),
  ownerId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'the user who sees it through' }),
  dueDate: Type.Union([DueDateSchema, Type.Null()]),
  status: Type.Enum(actionStatuses),
  term: Type.Union([Type.Enum(actionTerms), Type.Null()], {
    description: 'short, medium or long term, as post-mortem templates sort them',
  }),
};

/** Refuses (400 at /ownerId) an owner who is not an active user, and a date that does not exist (2026-02-30). */
export async function checkActionFields(
  db: Queryable,
  fields: { ownerId?: string | null; dueDate?: string | null },
): Promise<void> {
  if (fields.dueDate !== undefined && fields.dueDate !== null) {
    const date = new Date(`${fields.dueDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== fields.dueDate) {
      throw validationError('no such date', [
        { path: '/dueDate', message: `${fields.dueDate} is not a calendar date` },
      ]);
    }
  }
  if (fields.ownerId === undefined || fields.ownerId === null) return;
  const { rows } = await db.query('SELECT 1 FROM users WHERE id = $1::uuid AND deactivated_at IS NULL', [
    fields.ownerId,
  ]);
  if (rows.length === 0)
    throw validationError('unknown owner', [{ path: '/ownerId', message: `no active user ${fields.ownerId}` }]);
}
