import { loadStatusPage } from '../../status-page/load-status-page.js';
import { renderStatusHtml, renderStatusRss } from '../../status-page/render-status-page.js';
import { pickStatusLanguage } from '../../status-page/status-page-words.js';
import type { App, HttpDeps } from '../http-deps.js';

/**
 * The public status page: no sign-in (outside `/api/v1/`), read-only, only what
 * `loadStatusPage` deems public. HTML, JSON and RSS of the same data.
 */
export function registerStatusPageRoutes(app: App, { db, now, config }: HttpDeps): void {
  const baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  // The language comes from ?lang= or Accept-Language: caches must key on both.
  const languageOf = (request: { query: unknown; headers: Record<string, string | string[] | undefined> }) => {
    const lang = (request.query as { lang?: unknown }).lang;
    const accept = request.headers['accept-language'];
    return pickStatusLanguage(
      typeof lang === 'string' ? lang : undefined,
      typeof accept === 'string' ? accept : undefined,
    );
  };
  app.get('/status', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=30')
      .header('vary', 'Accept-Language')
      .send(renderStatusHtml(await loadStatusPage(db, now()), languageOf(request))),
  );
  app.get('/status.json', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=30').send(await loadStatusPage(db, now())),
  );
  app.get('/status/feed.rss', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .header('vary', 'Accept-Language')
      .send(renderStatusRss(await loadStatusPage(db, now()), baseUrl, languageOf(request))),
  );
}
