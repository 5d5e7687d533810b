import { api } from '../api';
import type { Service } from './services-types';

/** What the service editor edits: the catalogue entry's fields and the service's escalation policy. */
export interface ServiceDraft {
  id: string;
  name: string;
  description: string;
  public: boolean;
  rtoMinutes: number | null;
  rpoMinutes: number | null;
  ownerTeamId: string | null;
  escalationPolicyId: string | null;
}

// The fields PATCH /services/{id} takes; the policy has its own endpoint (and its own audit row).
const patchable = ['name', 'description', 'public', 'rtoMinutes', 'rpoMinutes', 'ownerTeamId'] as const;

/**
 * Writes `draft` over `saved` (null: not created yet): POST or PATCH (only the fields that
 * changed, so the audit row says what did), then the policy if it changed. Two requests that can
 * fail apart: `onStored` hears what the server holds after each, so trying again goes on from
 * there instead of creating the service twice.
 */
export async function saveService(
  saved: ServiceDraft | null,
  draft: ServiceDraft,
  onStored: (stored: ServiceDraft) => void,
): Promise<void> {
  const path = `/api/v1/services/${encodeURIComponent(draft.id)}`;
  let stored: ServiceDraft;
  if (saved === null) {
    await api<Service>('POST', '/api/v1/services', {
      id: draft.id,
      name: draft.name,
      description: draft.description,
      public: draft.public,
      rtoMinutes: draft.rtoMinutes,
      rpoMinutes: draft.rpoMinutes,
      ownerTeamId: draft.ownerTeamId,
    });
    stored = { ...draft, escalationPolicyId: null };
    onStored(stored);
  } else {
    const changes = Object.fromEntries(patchable.filter((key) => draft[key] !== saved[key]).map((k) => [k, draft[k]]));
    if (Object.keys(changes).length > 0) await api<Service>('PATCH', path, changes);
    stored = { ...draft, escalationPolicyId: saved.escalationPolicyId };
    onStored(stored);
  }
  if (draft.escalationPolicyId !== stored.escalationPolicyId) {
    await api<unknown>('PUT', `${path}/escalation-policy`, { policyId: draft.escalationPolicyId });
    onStored(draft);
  }
}

/** A minutes field's text as the API wants it: empty is "not set" (null). */
export function minutesOf(text: string): number | null {
  return text.trim() === '' ? null : Number(text);
}
