import { expect } from 'vitest';
import type { DraftAdoption } from '../../src/runbooks/draft-adoption.js';
import { seedBytes } from './seeds.js';
import type { TestApp } from './test-app.js';

/** A draft as an import report lists it. */
export type ImportedDraft = { id: string; kind: string; title: string };

/** Imports a seed (`'003'`) or a Markdown text through the API as a responder; answers the report's drafts. */
export async function importForAdoption(
  t: TestApp,
  seedOrText: { seed: string } | { text: string },
): Promise<ImportedDraft[]> {
  const body =
    'seed' in seedOrText
      ? { filename: `${seedOrText.seed}.md`, contentBase64: seedBytes(seedOrText.seed).toString('base64') }
      : { filename: 'contacts.md', content: seedOrText.text };
  const response = await t.call('POST', '/api/v1/runbook-sources', { token: t.users.responder.token, body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ drafts: ImportedDraft[] }>().drafts;
}

/** The one draft of this kind and title; fails loudly when missing. */
export function draftNamed(drafts: readonly ImportedDraft[], kind: string, title: string): ImportedDraft {
  const found = drafts.find((draft) => draft.kind === kind && draft.title === title);
  expect(found, `${kind} ${title} in ${drafts.map((draft) => draft.title).join('; ')}`).toBeDefined();
  return found!;
}

/** POSTs an adoption (admin unless told) and answers its status and report. */
export async function adopt(
  t: TestApp,
  path: string,
  body: Record<string, unknown>,
  token?: string,
): Promise<{ status: number; report: DraftAdoption; body: string }> {
  const response = await t.call('POST', path, { body, ...(token === undefined ? {} : { token }) });
  return { status: response.statusCode, report: response.json<DraftAdoption>(), body: response.body };
}

/** The audit rows of one action (`runbook_draft.adopt`), oldest first, as [target id, details]. */
export async function auditRows(t: TestApp, action: string): Promise<[string | null, Record<string, unknown>][]> {
  const { rows } = await t.db.query<{ target_id: string | null; details: Record<string, unknown> }>(
    'SELECT target_id, details FROM audit_log WHERE action = $1 ORDER BY id',
    [action],
  );
  return rows.map((row) => [row.target_id, row.details]);
}

/** A draft's status as stored. */
export async function draftStatus(t: TestApp, id: string): Promise<string> {
  return (await t.db.query<{ status: string }>('SELECT status FROM runbook_drafts WHERE id = $1', [id])).rows[0]!
    .status;
}
