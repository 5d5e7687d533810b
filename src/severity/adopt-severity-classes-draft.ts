import { requireRole } from '../core/authorize.js';
import { inTransaction, type Ctx } from '../core/context.js';
import type { SeverityClassesData } from '../runbooks/extract/drafts/draft-data.js';
import {
  carryOutAdoption,
  type AdoptDraftInput,
  type DraftAdoption,
  type PlannedEntry,
} from '../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../runbooks/lock-draft-to-adopt.js';
import { loadSeverityPolicies, type SeverityPolicy } from './severity-policy.js';
import { updateSeverityPolicy, type UpdateSeverityPolicyInput } from './update-severity-policy.js';

type SeverityClass = SeverityClassesData['classes'][number];

/** `UpdateSeverityPolicyInput`'s bounds: a written target past a year or a long text is cut, not refused. */
const maxTargetMinutes = 525_600;
const maxNameLength = 100;
const maxDescriptionLength = 2000;

/** What a class changes in its severity's policy: only what the document writes (a class without target keeps the policy's). */
function changesOf(written: SeverityClass, policy: SeverityPolicy): UpdateSeverityPolicyInput {
  const changes: UpdateSeverityPolicyInput = {};
  const name = written.name.trim().slice(0, maxNameLength);
  if (name !== '' && name !== policy.name) changes.name = name;
  const description = written.criteria.join(', ').slice(0, maxDescriptionLength);
  if (description !== '' && description !== policy.description) changes.description = description;
  const target = written.resolutionTargetMinutes;
  if (target !== null) {
    const minutes = Math.min(maxTargetMinutes, Math.max(1, Math.round(target)));
    if (minutes !== policy.resolutionTargetMinutes) changes.resolutionTargetMinutes = minutes;
  }
  return changes;
}

/** `name Critique, resolution target 60 min`: the changes as a person reads them. */
function describe(changes: UpdateSeverityPolicyInput): string {
  const parts = [
    changes.name === undefined ? null : `name "${changes.name}"`,
    changes.description === undefined ? null : `description "${changes.description}"`,
    changes.resolutionTargetMinutes == null ? null : `resolution target ${changes.resolutionTargetMinutes} min`,
  ];
  return parts.filter((part) => part !== null).join(', ');
}

/**
 * Makes the severity classes found in an imported runbook the severity policies (admin): each
 * class sets its level's name, description (its criteria) and resolution target, where the
 * document writes them; what it does not write stays. A policy already saying the same is kept,
 * so adopting twice changes nothing. `dryRun` answers the changes without making them. 404 for
 * an unknown draft or one of another kind, 409 for a dismissed one.
 */
export async function adoptSeverityClassesDraft({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: AdoptDraftInput;
}): Promise<DraftAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'severity-classes');
    const policies = await loadSeverityPolicies(tx.db);
    const seen = new Set<string>();
    const plan: PlannedEntry[] = draft.data.classes.map((written): PlannedEntry => {
      const policy = policies.get(written.level);
      const target = written.name === '' ? written.level : `${written.level} ${written.name}`;
      if (policy === undefined || seen.has(written.level)) {
        const detail =
          policy === undefined ? 'no such severity' : `${written.level} is written twice: the first counts`;
        return { entry: { action: 'skip', target, id: null, detail, warnings: [] } };
      }
      seen.add(written.level);
      const changes = changesOf(written, policy);
      if (Object.keys(changes).length === 0)
        return { entry: { action: 'keep', target, id: policy.severity, detail: 'already as written', warnings: [] } };
      return {
        entry: { action: 'update', target, id: policy.severity, detail: describe(changes), warnings: [] },
        write: async (txCtx) =>
          (await updateSeverityPolicy({ ctx: txCtx, input: { severity: policy.severity, changes } })).severity,
      };
    });
    return carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'severity-classes', status: draft.status },
      plan,
      input.dryRun ?? false,
    );
  });
}
