import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, validationError } from '../../core/app-error.js';
import { deleteRunbook } from '../../runbooks/delete-runbook.js';
import { diffRunbookVersions, DiffRunbookQuery } from '../../runbooks/diff-runbook-versions.js';
import { getRunbook, RunbookVersionQuery } from '../../runbooks/get-runbook.js';
import { getRunbookDraft } from '../../runbooks/get-runbook-draft.js';
import { getRunbookMarkdown } from '../../runbooks/get-runbook-markdown.js';
import { getRunbookSource } from '../../runbooks/get-runbook-source.js';
import { importRunbookSource } from '../../runbooks/import-runbook-source.js';
import { importRunbookSources } from '../../runbooks/import-runbook-sources.js';
import { listRunbookDrafts, ListRunbookDraftsQuery } from '../../runbooks/list-runbook-drafts.js';
import { listRunbookVersions } from '../../runbooks/list-runbook-versions.js';
import { listRunbooks, ListRunbooksQuery } from '../../runbooks/list-runbooks.js';
import { lintStoredRunbook } from '../../runbooks/lint-stored-runbook.js';
import type { RunbookUpload } from '../../runbooks/prepare-runbook-import.js';
import {
  ImportReportSchema,
  RunbookDetailSchema,
  RunbookDiffSchema,
  RunbookDraftSchema,
  RunbookLintSchema,
  RunbookSourceSchema,
  RunbookSummarySchema,
  RunbookVersionSchema,
} from '../../runbooks/runbook-api-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams, paged } from '../schemas.js';

const tags = ['runbooks'];

/** The JSON form of an upload: the text as a string, or the raw bytes in base64 (any encoding). */
const ImportSourceJsonBody = Type.Object(
  {
    filename: Type.String({ minLength: 1, maxLength: 500 }),
    content: Type.Optional(Type.String({ description: 'the Markdown or text itself' })),
    contentBase64: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9+/=\\s]*$', description: 'the raw bytes, base64: for files not in UTF-8' }),
    ),
  },
  { additionalProperties: false },
);
type ImportSourceJsonBody = Static<typeof ImportSourceJsonBody>;

const ImportSourceQuery = Type.Object(
  {
    filename: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'the file name, for a text/markdown or text/plain body',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Media types a raw file may be sent as. */
const textTypes = ['text/markdown', 'text/x-markdown', 'text/plain'];
const maxFilesPerUpload = 50;

/** Runbooks: import files, list, show (structured or Markdown), versions, diff, lint, delete; drafts. */
export async function registerRunbookRoutes(app: App, deps: HttpDeps): Promise<void> {
  // Multipart and the raw-text parsers live in this scope only: every other route keeps answering 415.
  await app.register(async (scope: App) => registerScoped(scope, deps));
}

async function registerScoped(app: App, { db, now, config }: HttpDeps): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: config.bodyLimitBytes, files: maxFilesPerUpload, fields: 20, parts: maxFilesPerUpload + 20 },
  });
  app.addContentTypeParser(textTypes, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/runbook-sources',
    {
      schema: {
        tags,
        summary:
          'Import a Markdown or text file of runbooks (JSON, raw text/markdown, or multipart with several files)',
        querystring: ImportSourceQuery,
        consumes: ['application/json', ...textTypes, 'multipart/form-data'],
        // Raw text and multipart bodies are bytes, checked by the import: their empty schemas only document them.
        body: {
          content: {
            'application/json': { schema: ImportSourceJsonBody },
            ...Object.fromEntries(
              textTypes.map((type) => [type, { schema: { description: 'the file itself; name it with ?filename=' } }]),
            ),
            'multipart/form-data': { schema: { description: `one or more file parts (at most ${maxFilesPerUpload})` } },
          },
        },
        response: {
          201: Type.Union([ImportReportSchema, Type.Array(ImportReportSchema)], {
            description: 'one report; an array for multipart',
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request, db, now);
      if (request.isMultipart()) {
        const files = await multipartFiles(request, config.bodyLimitBytes);
        return reply.status(201).send(await importRunbookSources({ ctx, input: { files } }));
      }
      const upload = Buffer.isBuffer(request.body)
        ? { filename: request.query.filename ?? 'upload.md', content: request.body }
        : jsonUpload(request.body as ImportSourceJsonBody);
      return reply.status(201).send(await importRunbookSource({ ctx, input: upload }));
    },
  );

  app.get(
    '/api/v1/runbook-sources/:id',
    {
      schema: {
        tags,
        summary: 'Show an imported source and the report of its import',
        params: IdParams,
        response: { 200: RunbookSourceSchema, ...errorResponses },
      },
    },
    async (request) => getRunbookSource({ ctx: ctxOf(request, db, now), input: request.params }),
  );

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

/** The JSON body as an upload: exactly one of `content` and `contentBase64`. */
function jsonUpload(body: ImportSourceJsonBody): RunbookUpload {
  if ((body.content === undefined) === (body.contentBase64 === undefined)) {
    throw validationError('send the file as content or as contentBase64', [
      { path: '/content', message: 'give exactly one of content and contentBase64' },
    ]);
  }
  const content =
    body.content === undefined ? Buffer.from(body.contentBase64 ?? '', 'base64') : Buffer.from(body.content, 'utf8');
  return { filename: body.filename, content };
}

/**
 * Every file part of a multipart body, read into memory. Fastify's body limit does not see
 * multipart bodies, so it is applied here to each file (by the plugin) and to their sum.
 */
async function multipartFiles(request: FastifyRequest, bodyLimit: number): Promise<RunbookUpload[]> {
  const files: RunbookUpload[] = [];
  let total = 0;
  try {
    for await (const part of request.files()) {
      const content = await part.toBuffer();
      total += content.length;
      if (total > bodyLimit)
        throw new AppError('payload_too_large', 'the files together are larger than the limit', { limit: bodyLimit });
      files.push({ filename: part.filename === '' ? part.fieldname : part.filename, content });
    }
  } catch (error) {
    throw multipartError(error);
  }
  if (files.length === 0)
    throw validationError('no file in the form', [{ path: '/files', message: 'send at least one file part' }]);
  return files;
}

/** The plugin's errors carry HTTP statuses the error mapping does not know: turned into AppErrors here. */
function multipartError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const { statusCode, message } = error as { statusCode?: number; message?: string };
  if (statusCode === 413)
    return new AppError('payload_too_large', `the upload is larger than the limit (${message ?? 'too large'})`, {});
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return validationError(`the multipart body is not valid: ${message ?? 'unreadable'}`, [
      { path: '/', message: message ?? 'unreadable' },
    ]);
  }
  return error;
}
