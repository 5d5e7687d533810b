import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppErrorCode } from '../../core/app-error.js';
import { IncidentSchema } from '../../incidents/incident-model.js';
import { ackPagePolicy } from '../../notifications/ack-links/ack-page-style.js';
import { pickAckPageLanguage, type AckRefusal } from '../../notifications/ack-links/ack-page-words.js';
import { actByLink, ActByLinkBody } from '../../notifications/ack-links/act-by-link.js';
import { readAckLink } from '../../notifications/ack-links/read-ack-link.js';
import { renderAckPage, renderAckRefusal } from '../../notifications/ack-links/render-ack-page.js';
import { errorAnswerOf, toAppError } from '../error-mapping.js';
import type { App, HttpDeps } from '../http-deps.js';
import { anonymousCtxOf } from '../request-context.js';
import { errorResponses } from '../schemas.js';

// Long enough for any token `verifyAckToken` reads: it says what is wrong with the rest.
const TokenParams = Type.Object({ token: Type.String({ maxLength: 1200 }) });
const LanguageQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });
const formType = 'application/x-www-form-urlencoded';
/** What a form post that could not act shows instead: the page, which says why (done by someone else, resolved). */
const shownOnThePage = new Set<AppErrorCode>(['invalid_transition', 'conflict', 'forbidden']);

/**
 * The link in a page (`/ack/{token}`): no sign-in, the signed token is the credential. GET shows
 * the incident and the buttons the link allows and changes nothing (mail scanners and chat
 * previews follow links). POST acts: a form post (`action=acknowledge|resolve`, no script) is
 * answered 303 to the page, which says what happened; JSON (or a bare POST) gets the incident as
 * before, or the error. No CSRF token: a post another site makes a browser send still needs the
 * token in its URL, and whoever has it may act anyway; the page cannot be framed.
 */
export async function registerAckLinkRoutes(app: App, { db, now, execution }: HttpDeps): Promise<void> {
  const secretKey = execution.secretKey === null ? null : Buffer.from(execution.secretKey);

  app.get(
    '/ack/:token',
    { schema: { hide: true, params: TokenParams, querystring: LanguageQuery } },
    async (request, reply) => {
      try {
        const view = await readAckLink({ ctx: anonymousCtxOf(request, db, now), input: request.params, secretKey });
        const language = languageOf(request, request.query.lang, view.holder.locale);
        return answerHtml(reply, 200, renderAckPage(view, { token: request.params.token, language, now: now() }));
      } catch (error) {
        return answerRefusal(request, reply, error, request.query.lang);
      }
    },
  );

  // Form bodies are parsed for this route alone: the API keeps answering 415 to anything but JSON.
  await app.register((scope: App) => {
    scope.addContentTypeParser(formType, { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post(
      '/ack/:token',
      {
        schema: {
          hide: true,
          params: TokenParams,
          querystring: LanguageQuery,
          body: Type.Union([ActByLinkBody, Type.Null()]),
          response: { 200: IncidentSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const input = { token: request.params.token, ...(request.body ?? {}) };
        if (!wantsPage(request)) return actByLink({ ctx: anonymousCtxOf(request, db, now), input, secretKey });
        try {
          await actByLink({ ctx: anonymousCtxOf(request, db, now), input, secretKey });
        } catch (error) {
          if (!shownOnThePage.has(toAppError(error).code))
            return answerRefusal(request, reply, error, request.query.lang);
        }
        const lang = request.query.lang === undefined ? '' : `?lang=${encodeURIComponent(request.query.lang)}`;
        return reply.redirect(`/ack/${encodeURIComponent(request.params.token)}${lang}`, 303);
      },
    );
    return Promise.resolve();
  });
}

/** A browser's form, or a client asking for HTML rather than JSON, gets pages; JSON bodies and anything else JSON. */
function wantsPage(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith(formType)) return true;
  if (type.startsWith('application/json')) return false;
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html') && !accept.includes('application/json');
}

function languageOf(request: FastifyRequest, lang: string | undefined, holderLocale?: 'en' | 'fr') {
  const accept = request.headers['accept-language'];
  return pickAckPageLanguage(lang, typeof accept === 'string' ? accept : undefined, holderLocale);
}

function answerHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', ackPagePolicy)
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'Accept-Language')
    .send(html);
}

/** A link that cannot be used, as a page with the status the API would answer; other errors go to the error handler. */
function answerRefusal(request: FastifyRequest, reply: FastifyReply, error: unknown, lang: string | undefined) {
  const appError = toAppError(error);
  const refusal: AckRefusal | undefined =
    appError.code === 'unavailable'
      ? 'unavailable'
      : appError.code === 'not_found'
        ? 'invalid'
        : appError.code === 'unauthenticated'
          ? appError.details['reason'] === 'expired' || appError.details['reason'] === 'inactive'
            ? appError.details['reason']
            : 'invalid'
          : undefined;
  if (refusal === undefined) throw error;
  return answerHtml(reply, errorAnswerOf(appError).status, renderAckRefusal(refusal, languageOf(request, lang)));
}
