import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../../core/project-root.js';
import type { App, HttpDeps } from '../http-deps.js';

/**
 * The pages of the console (a single-page app): each answers its index.html, the app routes in
 * the browser (`web/src/app.tsx`). Other paths keep their JSON 404.
 */
const pages = [
  '/',
  '/sign-in',
  '/setup',
  '/incidents/*',
  '/runbooks',
  '/runbooks/*',
  '/services',
  '/services/*',
  '/on-call',
  '/on-call/*',
  '/schedules/*',
  '/postmortems',
  '/postmortems/*',
  '/reports',
  '/reports/*',
  '/probes',
  '/probes/*',
  '/admin',
  '/admin/*',
  // One's own profile: the header links to it, and a test page's message links back to it.
  '/profile',
];

/**
 * The policy of the console's page: only its own scripts, styles and API; no framing
 * (clickjacking of the action buttons), no inline script.
 */
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * The web console, built by `npm run build` into `web/dist` and served here: its hashed assets
 * (cached for a year) and its pages. Without a build, the pages say how to make one.
 */
export async function registerConsoleRoutes(app: App, { config }: HttpDeps): Promise<void> {
  const dist = config.consoleDir ?? join(projectRoot(), 'web', 'dist');
  const built = existsSync(join(dist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: join(dist, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  }
  for (const path of pages) {
    // The setup page's URL carries a one-time token: its requests stay out of the info-level logs.
    const logLevel = path === '/setup' ? 'warn' : undefined;
    app.get(
      path,
      { schema: { hide: true }, ...(logLevel === undefined ? {} : { logLevel }) },
      async (_request, reply) => {
        if (!built)
          return reply
            .status(503)
            .type('text/plain; charset=utf-8')
            .send('The web console is not built: run `npm run build`.');
        // Read per request (a few KB): a rebuild shows without a restart, as its assets do.
        const html = await readFile(join(dist, 'index.html'), 'utf8');
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .header('content-security-policy', contentSecurityPolicy)
          .send(html);
      },
    );
  }
}
