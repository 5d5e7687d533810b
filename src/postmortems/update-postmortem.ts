import { Type, type Static } from 'typebox';
import { recordAudit } from '../audit/record-audit.js';
import { AppError, conflict, validationError } from '../core/app-error.js';
import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { PostmortemSectionSchema, type Postmortem } from './postmortem-model.js';
import { loadPostmortem, lockPostmortemRow } from './postmortem-store.js';

export const UpdatePostmortemInput = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version edited; an older one than stored is a 409' }),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    sections: Type.Optional(
      Type.Array(PostmortemSectionSchema, {
        maxItems: 50,
        description: 'the whole list, in order: sections may be added, removed, renamed',
      }),
    ),
  },
  { additionalProperties: false },
);
export type UpdatePostmortemInput = Static<typeof UpdatePostmortemInput>;

const updatePostmortemRow = `
  UPDATE postmortems SET title = $2, sections = $3, updated_at = $4, version = version + 1 WHERE id = $1`;

/**
 * Edits a post-mortem's title and sections (responder). `version` is the one the editor started
 * from: when someone saved in between, the edit is refused with 409 and the current version, so
 * nobody overwrites a colleague's paragraph unknowingly. A published post-mortem goes back to
 * review before it changes.
 */
export async function updatePostmortem({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string } & UpdatePostmortemInput;
}): Promise<Postmortem> {
  requireRole(ctx, 'responder');
  if (input.title === undefined && input.sections === undefined) {
    throw validationError('nothing to change', [{ path: '/', message: 'send title or sections' }]);
  }
  const keys = input.sections?.map((section) => section.key) ?? [];
  const duplicate = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (duplicate >= 0)
    throw validationError('section keys must be unique', [
      { path: `/sections/${duplicate}/key`, message: `${keys[duplicate]} is used twice` },
    ]);
  return inTransaction(ctx, async (tx) => {
    const row = await lockPostmortemRow(tx.db, input.id);
    if (row.version !== input.version) {
      throw conflict(`the post-mortem changed since version ${input.version}: reload it (now version ${row.version})`, {
        version: row.version,
        updatedAt: row.updated_at.toISOString(),
      });
    }
    if (row.status === 'published') {
      throw new AppError(
        'invalid_transition',
        'a published post-mortem is not edited: move it back to in-review first',
        { status: row.status, allowedNextStates: ['in-review'] },
      );
    }
    await tx.db.query(updatePostmortemRow, [
      row.id,
      input.title ?? row.title,
      JSON.stringify(input.sections ?? row.sections),
      tx.now(),
    ]);
    await recordAudit(tx, {
      action: 'postmortem.update',
      targetType: 'incident',
      targetId: input.id,
      details: {
        version: row.version + 1,
        fields: [
          ...(input.title === undefined ? [] : ['title']),
          ...(input.sections === undefined ? [] : ['sections']),
        ],
      },
    });
    return loadPostmortem(tx.db, input.id, tx.now());
  });
}
