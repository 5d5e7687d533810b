import { Type } from 'typebox';
import { deleteRunbook } from '../../runbooks/delete-runbook.js';
import { diffRunbookVersions, DiffRunbookQuery } from '../../runbooks/diff-runbook-versions.js';
import { getRunbook, RunbookVersionQuery } from '../../runbooks/get-runbook.js';
import { getRunbookDraft } from '../../runbooks/get-runbook-draft.js';
import { getRunbookMarkdown } from '../../runbooks/get-runbook-markdown.js';
import { listRunbookDrafts, ListRunbookDraftsQuery } from '../../runbooks/list-runbook-drafts.js';
import { listRunbookVersions } from '../../runbooks/list-runbook-versions.js';
import { listRunbooks, ListRunbooksQuery } from '../../runbooks/list-runbooks.js';
import { lintStoredRunbook } from '../../runbooks/lint-stored-runbook.js';
import {
  RunbookDetailSchema,
  RunbookDiffSchema,
  RunbookDraftSchema,
  RunbookLintSchema,
  RunbookSummarySchema,
  RunbookVersionSchema,
} from '../../runbooks/runbook-api-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['runbooks'];

/** Runbooks: list, show (structured or Markdown), versions, diff, lint, delete; the drafts imports found. */
export function registerRunbookRoutes(app: App, { db, now }: HttpDeps): void {
  app.get(
    '/api/v1/runbooks',
    {
      schema: {
        tags,
        summary: 'List runbooks by title',
        querystring: ListRunbooksQuery,
        response: { 200: paged(RunbookSummarySchema), ...errorResponses },
      },
    },
    async (request) => listRunbooks({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/runbooks/:id',
    {
      schema: {
        tags,
        summary: 'Show a runbook, structured (current version or ?version=N)',
        params: IdParams,
        querystring: RunbookVersionQuery,
        response: { 200: RunbookDetailSchema, ...errorResponses },
      },
    },
    async (request) => getRunbook({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.get(
    '/api/v1/runbooks/:id/markdown',
    {
      schema: {
        tags,
        summary: 'A runbook as canonical Markdown',
        params: IdParams,
        querystring: RunbookVersionQuery,
        produces: ['text/markdown'],
        response: { 200: { content: { 'text/markdown': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const markdown = await getRunbookMarkdown({
        ctx: ctxOf(request, db, now),
        input: { ...request.query, id: request.params.id },
      });
      return reply.type('text/markdown; charset=utf-8').send(markdown);
    },
  );

  app.get(
    '/api/v1/runbooks/:id/versions',
    {
      schema: {
        tags,
        summary: 'The versions of a runbook, newest first',
        params: IdParams,
        response: { 200: Type.Array(RunbookVersionSchema), ...errorResponses },
      },
    },
    async (request) => listRunbookVersions({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/runbooks/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions',
        params: IdParams,
        querystring: DiffRunbookQuery,
        response: { 200: RunbookDiffSchema, ...errorResponses },
      },
    },
    async (request) =>
      diffRunbookVersions({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.get(
    '/api/v1/runbooks/:id/lint',
    {
      schema: {
        tags,
        summary: 'Lint a runbook',
        params: IdParams,
        querystring: RunbookVersionQuery,
        response: { 200: RunbookLintSchema, ...errorResponses },
      },
    },
    async (request) =>
      lintStoredRunbook({ ctx: ctxOf(request, db, now), input: { ...request.query, id: request.params.id } }),
  );

  app.delete(
    '/api/v1/runbooks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a runbook (hidden from lists; its versions are kept)',
        params: IdParams,
        response: { 200: RunbookSummarySchema, ...errorResponses },
      },
    },
    async (request) => deleteRunbook({ ctx: ctxOf(request, db, now), input: request.params }),
  );

  app.get(
    '/api/v1/runbook-drafts',
    {
      schema: {
        tags,
        summary: 'List drafts found by imports',
        querystring: ListRunbookDraftsQuery,
        response: { 200: paged(RunbookDraftSchema), ...errorResponses },
      },
    },
    async (request) => listRunbookDrafts({ ctx: ctxOf(request, db, now), input: request.query }),
  );

  app.get(
    '/api/v1/runbook-drafts/:id',
    {
      schema: {
        tags,
        summary: 'Show a draft',
        params: IdParams,
        response: { 200: RunbookDraftSchema, ...errorResponses },
      },
    },
    async (request) => getRunbookDraft({ ctx: ctxOf(request, db, now), input: request.params }),
  );
}
