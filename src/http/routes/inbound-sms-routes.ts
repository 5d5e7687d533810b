import { Type } from 'typebox';
import { systemCtx } from '../../core/context.js';
import { acknowledgeBySmsReply } from '../../notifications/replies/acknowledge-by-sms-reply.js';
import type { App, HttpDeps } from '../http-deps.js';

const formType = 'application/x-www-form-urlencoded';
/** An inbound message is a few hundred bytes of fields; a page of text is already suspicious. */
const maxFormBytes = 16 * 1024;

// Text content only needs these three: quotes stay as typed, as the person reads them.
const escapeXml = (text: string) =>
  text.replace(/[<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char]!);

/**
 * Replies to SMS pages, posted by Twilio (the number's "A message comes in" webhook) or a gateway
 * signing as it does. Outside /api/v1: Twilio holds no Astreinte token, its signature is the
 * credential. The signed URL is the public one (ASTREINTE_PUBLIC_URL), as Twilio called it.
 */
export async function registerInboundSmsRoutes(app: App, deps: HttpDeps): Promise<void> {
  // The form parser lives in this scope only, and reads the body as text: the signature covers
  // every field in the order Twilio sent them, repeated names included.
  await app.register((scope: App) => {
    if (scope.hasContentTypeParser(formType)) scope.removeContentTypeParser(formType);
    scope.addContentTypeParser(formType, { parseAs: 'string', bodyLimit: maxFormBytes }, (_request, body, done) =>
      done(null, body),
    );
    registerScoped(scope, deps);
    return Promise.resolve();
  });
}

function registerScoped(app: App, { db, now, execution, config }: HttpDeps): void {
  const secretKey = execution.secretKey === null ? null : Buffer.from(execution.secretKey);
  const baseUrl = (config.publicUrl ?? `http://${config.host}:${config.port}`).replace(/\/+$/, '');

  app.post(
    '/inbound/sms/:channelId',
    {
      schema: {
        tags: ['notifications'],
        summary:
          "Acknowledge from a reply to an SMS page ('ACK 1234'): Twilio's inbound message webhook, checked with X-Twilio-Signature; answers TwiML",
        consumes: [formType],
        params: Type.Object({ channelId: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.String({ maxLength: maxFormBytes }),
      },
    },
    async (request, reply) => {
      const signature = request.headers['x-twilio-signature'];
      const result = await acknowledgeBySmsReply({
        ctx: systemCtx(db, now, request.id),
        input: {
          channelId: request.params.channelId,
          url: `${baseUrl}${request.url}`,
          params: [...new URLSearchParams(request.body).entries()],
          signature: typeof signature === 'string' ? signature : undefined,
        },
        secretKey,
      });
      return reply
        .type('text/xml; charset=utf-8')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(result.answer)}</Message></Response>`,
        );
    },
  );
}
