import { Buffer } from 'node:buffer';
import { Type, type Static } from 'typebox';
import { defineChannelKind } from '../channel-kind-definition.js';
import { httpUrlField, secretField } from '../channel-model.js';
import { failedResult, type DeliveryResult, type SendRequest } from '../delivery-result.js';
import { postHttp } from './post-http.js';
import { fieldHint } from '../../core/field-hint.js';

/** An SMS provider speaking Twilio's Messages API (Twilio itself, or a compatible gateway). */
export const SmsChannelSchema = Type.Object(
  {
    kind: Type.Literal('sms'),
    baseUrl: Type.String({ ...httpUrlField, examples: ['https://api.twilio.com'] }),
    accountSid: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      ...fieldHint(
        'account SID, also the Basic auth user',
        "SID du compte, aussi l'utilisateur de l'authentification Basic",
      ),
    }),
    authToken: Type.String({ ...secretField, minLength: 1, maxLength: 500 }),
    from: Type.String({
      pattern: '^(\\+[1-9][0-9]{6,14}|[A-Za-z0-9 ]{1,11})$',
      ...fieldHint(
        'E.164 number, or an alphanumeric sender id',
        "numéro E.164, ou identifiant d'expéditeur alphanumérique",
      ),
    }),
  },
  { additionalProperties: false, title: 'SmsChannel' },
);
export type SmsChannelConfig = Static<typeof SmsChannelSchema>;

/**
 * Sends `message.text` (render for channel 'sms': the short text, fitted to 160 characters when the
 * title can be shortened) through a provider with Twilio's Messages API: a form-encoded POST of
 * `To`, `From`, `Body` to `{baseUrl}/2010-04-01/Accounts/{sid}/Messages.json` with HTTP Basic auth
 * (SID, token). 201 with the message `sid`, kept as providerId; Twilio's 4xx carry a JSON `code`
 * and `message` (21211: invalid To) that end up in the error. The API has no idempotency key: a
 * retry after a timeout whose request did reach the provider sends the SMS twice.
 */
export async function sendSms(request: SendRequest<SmsChannelConfig>): Promise<DeliveryResult> {
  const { config, recipient, message } = request;
  if (recipient.phone === undefined) return failedResult(false, 'the recipient has no phone number');
  const url = `${config.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const credentials = Buffer.from(`${config.accountSid}:${config.authToken}`, 'utf8').toString('base64');
  const { result, responseBody } = await postHttp(request, {
    url,
    headers: {
      authorization: `Basic ${credentials}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ To: recipient.phone, From: config.from, Body: message.text }).toString(),
  });
  const answer = parseJson(responseBody);
  if (result.outcome === 'sent') {
    const sid = typeof answer?.['sid'] === 'string' ? answer['sid'] : undefined;
    return sid === undefined ? result : { ...result, providerId: sid };
  }
  // Twilio's own words beat the raw JSON in the error.
  if (answer !== undefined && typeof answer['message'] === 'string') {
    const code = typeof answer['code'] === 'number' || typeof answer['code'] === 'string' ? `${answer['code']} ` : '';
    return { ...result, error: `${new URL(url).host} answered HTTP ${result.status}: ${code}${answer['message']}` };
  }
  return result;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The SMS row of the channel kinds table. */
export const smsChannel = defineChannelKind({
  schema: SmsChannelSchema,
  send: sendSms,
  format: 'sms',
  idempotent: false,
  contact: 'phone',
  label: 'SMS (Twilio-compatible)',
});
