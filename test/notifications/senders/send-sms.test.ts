import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendSms, type SmsChannelConfig } from '../../../src/notifications/senders/send-sms.js';
import { renderNotification } from '../../../src/notifications/templates/render-notification.js';
import { refusedUrl, startRecordingServer, type RecordingServer } from '../../support/recording-server.js';
import { fullVars } from '../notification-fixtures.js';

const sid = 'AC0123456789abcdef0123456789abcdef';
const token = 'tok-secret-42';

describe('sendSms', () => {
  let server: RecordingServer;
  let config: SmsChannelConfig;
  const message = renderNotification({ kind: 'triggered', locale: 'fr', channel: 'sms', vars: fullVars });
  const request = (overrides: Partial<Parameters<typeof sendSms>[0]> = {}) => ({
    config,
    message,
    recipient: { userId: 'u-1', phone: '+33612345678' },
    deliveryId: 'dlv-sms-1',
    ...overrides,
  });

  beforeAll(async () => {
    server = await startRecordingServer({
      status: 201,
      body: JSON.stringify({ sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued' }),
      headers: { 'content-type': 'application/json' },
    });
    config = { kind: 'sms', baseUrl: `${server.url}/`, accountSid: sid, authToken: token, from: '+33700000000' };
  });
  afterAll(() => server.close());

  it("posts To, From and Body form-encoded to the account's Messages.json with Basic auth", async () => {
    const result = await sendSms(request());
    expect(result).toEqual({
      outcome: 'sent',
      retryable: false,
      status: 201,
      providerId: 'SM0123456789abcdef0123456789abcdef',
    });
    const received = server.requests.at(-1)!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(received.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const [scheme, encoded] = (received.headers['authorization'] as string).split(' ');
    expect(scheme).toBe('Basic');
    expect(Buffer.from(encoded!, 'base64').toString('utf8')).toBe(`${sid}:${token}`);
    const form = new URLSearchParams(received.body);
    expect([...form.keys()]).toEqual(['To', 'From', 'Body']);
    expect(form.get('To')).toBe('+33612345678');
    expect(form.get('From')).toBe('+33700000000');
    expect(form.get('Body')).toBe(message.text);
    // "+" would read as a space if it were not encoded.
    expect(received.body).toContain('To=%2B33612345678');
    expect(message.text).toContain('Acquitter : https://');
    expect(message.text.length).toBeLessThanOrEqual(160);
  });

  it('sends no idempotency key (the API has none) and keeps Twilio error words', async () => {
    server.replyNext({
      status: 400,
      body: JSON.stringify({ code: 21211, message: "The 'To' number +330 is not a valid phone number.", status: 400 }),
    });
    const result = await sendSms(request());
    expect(result).toEqual({
      outcome: 'failed',
      retryable: false,
      status: 400,
      error: `${new URL(server.url).host} answered HTTP 400: 21211 The 'To' number +330 is not a valid phone number.`,
    });
    expect(Object.keys(server.requests.at(-1)!.headers).filter((name) => name.includes('idempotency'))).toEqual([]);
  });

  it.each([
    { status: 401, retryable: false },
    { status: 429, retryable: true },
    { status: 500, retryable: true },
    { status: 503, retryable: true },
  ])('classifies HTTP $status as retryable: $retryable', async ({ status, retryable }) => {
    server.replyNext({ status, body: 'nope' });
    expect(await sendSms(request())).toMatchObject({ outcome: 'failed', retryable, status });
  });

  it('reports a refused connection and a timeout as retryable', async () => {
    expect(await sendSms(request({ config: { ...config, baseUrl: await refusedUrl() } }))).toMatchObject({
      outcome: 'failed',
      retryable: true,
    });
    server.replyNext('hang');
    expect(await sendSms(request({ timeoutMs: 200 }))).toEqual({
      outcome: 'failed',
      retryable: true,
      error: 'timed out after 200 ms',
    });
  });

  it('fails without retry, and without a request, when the recipient has no phone number', async () => {
    const before = server.requests.length;
    expect(await sendSms(request({ recipient: { userId: 'u-2' } }))).toEqual({
      outcome: 'failed',
      retryable: false,
      error: 'the recipient has no phone number',
    });
    expect(server.requests.length).toBe(before);
  });
});
