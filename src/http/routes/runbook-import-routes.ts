import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError, validationError } from '../../core/app-error.js';
import { getRunbookSource } from '../../runbooks/get-runbook-source.js';
import { importRunbookSource } from '../../runbooks/import-runbook-source.js';
import { importRunbookSources } from '../../runbooks/import-runbook-sources.js';
import type { RunbookUpload } from '../../runbooks/prepare-runbook-import.js';
import { ImportReportSchema, RunbookSourceSchema } from '../../runbooks/runbook-api-model.js';
import type { App, HttpDeps } from '../http-deps.js';
import { ctxOf } from '../request-context.js';
import { errorResponses, IdParams } from '../schemas.js';

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
/** Runbook files: import (JSON, raw text, or multipart with several files) and the imported source with its report. */
export async function registerRunbookImportRoutes(app: App, deps: HttpDeps): Promise<void> {
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
