import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sendWebhook,
  type WebhookChannelConfig,
  type WebhookSendRequest,
} from '../../../src/notifications/senders/send-webhook.js';
import { signWebhookBody, verifyWebhookSignature } from '../../../src/notifications/senders/webhook-signature.js';
import { refusedUrl, startRecordingServer, type RecordingServer } from '../../support/recording-server.js';
import { fullVars, sampleMessage } from '../notification-fixtures.js';

const secret = 'whsec-0123456789abcdef';
const sentAt = new Date('2025-03-14T14:04:05Z');

describe('sendWebhook', () => {
  let server: RecordingServer;
  let config: WebhookChannelConfig;
  const request = (overrides: Partial<WebhookSendRequest> = {}): WebhookSendRequest => ({
    config,
    message: sampleMessage,
    recipient: { userId: 'u-1', name: 'Alice Martin', email: 'alice@example.com', phone: '+33612345678' },
    deliveryId: 'dlv-0001',
    event: { kind: 'escalated', vars: fullVars },
    now: () => sentAt,
    ...overrides,
  });

  beforeAll(async () => {
    server = await startRecordingServer();
    config = {
      kind: 'webhook',
      url: `${server.url}/hooks/astreinte?team=sre`,
      secret,
      headers: { Authorization: 'Bearer receiver-token', 'X-Astreinte-Event': 'forged', 'Content-Type': 'text/plain' },
    };
  });
  afterAll(() => server.close());

  it('posts the event as signed JSON with the delivery id as idempotency key', async () => {
    const result = await sendWebhook(request());
    expect(result).toEqual({ outcome: 'sent', retryable: false, status: 200 });
    const received = server.requests.at(-1)!;
    expect(received.method).toBe('POST');
    expect(received.url).toBe('/hooks/astreinte?team=sre');
    expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(received.headers['x-astreinte-event']).toBe('incident.escalated');
    expect(received.headers['x-astreinte-delivery']).toBe('dlv-0001');
    expect(received.headers['x-astreinte-timestamp']).toBe(String(sentAt.getTime() / 1000));
    expect(received.headers['authorization']).toBe('Bearer receiver-token');
    const body = JSON.parse(received.body) as Record<string, unknown>;
    expect(body).toEqual({
      event: 'incident.escalated',
      deliveryId: 'dlv-0001',
      occurredAt: fullVars.occurredAt,
      incident: {
        id: 'INC-42',
        title: fullVars.title,
        severity: 'P1',
        status: 'triggered',
        services: ['checkout', 'payments'],
        summary: fullVars.summary,
        url: fullVars.incidentUrl,
      },
      level: 2,
      actor: 'Alice Martin',
      silentMinutes: 15,
      ackUrl: fullVars.ackUrl,
      runbooks: fullVars.runbooks,
      recipient: { userId: 'u-1', name: 'Alice Martin' },
      message: { subject: sampleMessage.subject, text: sampleMessage.text },
    });
  });

  it('signs "timestamp.body" so that the receiver can verify it, and refuses a tampered body', async () => {
    await sendWebhook(request());
    const received = server.requests.at(-1)!;
    const signature = received.headers['x-astreinte-signature'] as string;
    const timestamp = received.headers['x-astreinte-timestamp'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(signature).toBe(signWebhookBody(secret, Number(timestamp), received.body));
    const check = (body: string | Uint8Array, overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
      verifyWebhookSignature({
        secret,
        body,
        timestamp,
        signature,
        now: new Date(sentAt.getTime() + 60_000),
        ...overrides,
      });
    expect(check(received.body)).toEqual({ valid: true });
    expect(check(Buffer.from(received.body, 'utf8'))).toEqual({ valid: true });
    expect(check(received.body.replace('"P1"', '"P4"'))).toEqual({ valid: false, reason: 'bad_signature' });
    expect(check(received.body, { secret: 'another-secret-of-16' })).toEqual({ valid: false, reason: 'bad_signature' });
    expect(check(received.body, { timestamp: String(Number(timestamp) + 1) })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(check(received.body, { now: new Date(sentAt.getTime() + 301_000) })).toEqual({
      valid: false,
      reason: 'stale',
    });
    expect(check(received.body, { now: new Date(sentAt.getTime() - 301_000) })).toEqual({
      valid: false,
      reason: 'stale',
    });
    expect(check(received.body, { now: new Date(sentAt.getTime() + 3_600_000), toleranceSeconds: 7200 })).toEqual({
      valid: true,
    });
    expect(check(received.body, { signature: signature.slice(7) })).toEqual({ valid: false, reason: 'malformed' });
    expect(check(received.body, { signature: undefined })).toEqual({ valid: false, reason: 'malformed' });
    expect(check(received.body, { timestamp: 'yesterday' })).toEqual({ valid: false, reason: 'malformed' });
  });

  it('keeps the same delivery id on a retry, with a fresh timestamp and signature', async () => {
    await sendWebhook(request());
    await sendWebhook(request({ now: () => new Date(sentAt.getTime() + 30_000) }));
    const [first, second] = server.requests.slice(-2);
    expect(second!.headers['x-astreinte-delivery']).toBe(first!.headers['x-astreinte-delivery']);
    expect(second!.headers['x-astreinte-signature']).not.toBe(first!.headers['x-astreinte-signature']);
  });

  it('sends null for the recipient of a channel-wide delivery and omits absent fields as null', async () => {
    const vars = { ...fullVars };
    delete vars.level;
    delete vars.actor;
    delete vars.ackUrl;
    delete vars.runbooks;
    delete vars.silentMinutes;
    await sendWebhook(request({ recipient: {}, event: { kind: 'triggered', vars } }));
    const body = JSON.parse(server.requests.at(-1)!.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'incident.triggered',
      recipient: null,
      level: null,
      actor: null,
      ackUrl: null,
      runbooks: [],
    });
  });

  it.each([
    { status: 201, outcome: 'sent', retryable: false },
    { status: 204, outcome: 'sent', retryable: false },
    { status: 400, outcome: 'failed', retryable: false },
    { status: 401, outcome: 'failed', retryable: false },
    { status: 404, outcome: 'failed', retryable: false },
    { status: 408, outcome: 'failed', retryable: true },
    { status: 429, outcome: 'failed', retryable: true },
    { status: 500, outcome: 'failed', retryable: true },
    { status: 503, outcome: 'failed', retryable: true },
    { status: 302, outcome: 'failed', retryable: false },
  ] as const)('classifies HTTP $status as $outcome (retryable: $retryable)', async ({ status, outcome, retryable }) => {
    server.replyNext({
      status,
      body: status >= 400 ? 'receiver says no' : '',
      headers: status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {},
    });
    const before = server.requests.length;
    const result = await sendWebhook(request());
    expect(result).toMatchObject({ outcome, retryable, status });
    expect(server.requests.length).toBe(before + 1);
    if (status >= 400) expect(result.error).toContain('receiver says no');
  });

  it('passes on Retry-After of a 429', async () => {
    server.replyNext({ status: 429, body: 'slow down', headers: { 'retry-after': '120' } });
    expect(await sendWebhook(request())).toMatchObject({
      outcome: 'failed',
      retryable: true,
      status: 429,
      retryAfterMs: 120_000,
    });
  });

  it('reports a refused connection as retryable, without the URL', async () => {
    const url = await refusedUrl();
    const result = await sendWebhook(request({ config: { ...config, url: `${url}/secret-path` } }));
    expect(result).toMatchObject({ outcome: 'failed', retryable: true });
    expect(result.error).toContain('ECONNREFUSED');
    expect(result.error).not.toContain('secret-path');
  });

  it('gives up on a receiver that does not answer within the timeout, as retryable', async () => {
    server.replyNext('hang');
    const started = Date.now();
    const result = await sendWebhook(request({ timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result).toEqual({ outcome: 'failed', retryable: true, error: 'timed out after 300 ms' });
  });

  it("stops when the caller's signal aborts, as retryable", async () => {
    server.replyNext('hang');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await sendWebhook(request({ signal: controller.signal }))).toEqual({
      outcome: 'failed',
      retryable: true,
      error: 'aborted by the caller',
    });
  });

  it('refuses a delivery id that is not a plain token, without sending', async () => {
    const before = server.requests.length;
    expect(await sendWebhook(request({ deliveryId: 'a b\r\nX-Injected: 1' }))).toMatchObject({
      outcome: 'failed',
      retryable: false,
    });
    expect(server.requests.length).toBe(before);
  });
});
