import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryResult, RenderedMessage, SendRequest } from '../../../src/notifications/delivery-result.js';
import { sendMattermost, severityColors } from '../../../src/notifications/senders/send-mattermost.js';
import { sendSlack } from '../../../src/notifications/senders/send-slack.js';
import { sendTeams, toTextBlocks } from '../../../src/notifications/senders/send-teams.js';
import { renderNotification } from '../../../src/notifications/templates/render-notification.js';
import { refusedUrl, startRecordingServer, type RecordingServer } from '../../support/recording-server.js';
import { fullVars, sampleMessage } from '../notification-fixtures.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const base = { recipient: {}, deliveryId: 'dlv-chat-1' };
const lastBody = (): Record<string, unknown> => JSON.parse(server.requests.at(-1)!.body) as Record<string, unknown>;

describe('sendSlack', () => {
  it('posts text for notifications plus a header and an mrkdwn section', async () => {
    const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'slack', vars: fullVars });
    const result = await sendSlack({
      ...base,
      config: { kind: 'slack', url: `${server.url}/services/T000/B000/XXXX` },
      message,
    });
    expect(result).toEqual({ outcome: 'sent', retryable: false, status: 200 });
    const received = server.requests.at(-1)!;
    expect(received.url).toBe('/services/T000/B000/XXXX');
    expect(received.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = lastBody();
    expect(body['text']).toBe(message.short.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    expect(body['blocks']).toEqual([
      { type: 'header', text: { type: 'plain_text', text: message.subject, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: message.text } },
    ]);
    expect(message.text).toContain(`<${fullVars.ackUrl}|Acknowledge>`);
  });

  it('cuts a header and a section to what Block Kit accepts', async () => {
    const message: RenderedMessage = { ...sampleMessage, subject: 'S'.repeat(400), text: 'T'.repeat(5000) };
    await sendSlack({ ...base, config: { kind: 'slack', url: server.url }, message });
    const [header, section] = lastBody()['blocks'] as Array<{ text: { text: string } }>;
    expect(header!.text.text).toHaveLength(150);
    expect(section!.text.text).toHaveLength(3000);
    expect(section!.text.text.endsWith('…')).toBe(true);
  });
});

describe('sendMattermost', () => {
  it('posts the subject as text and the body as a coloured attachment (Mattermost renders no blocks)', async () => {
    const message = renderNotification({ kind: 'resolved', locale: 'fr', channel: 'mattermost', vars: fullVars });
    const result = await sendMattermost({
      ...base,
      config: { kind: 'mattermost', url: `${server.url}/hooks/abc123` },
      message,
    });
    expect(result.outcome).toBe('sent');
    expect(server.requests.at(-1)!.url).toBe('/hooks/abc123');
    expect(lastBody()).toEqual({
      text: message.subject,
      attachments: [{ fallback: message.short, color: severityColors.P1, text: message.text }],
    });
    expect(lastBody()).not.toHaveProperty('blocks');
    expect(message.text).toContain(`[Ouvrir l'incident](${fullVars.incidentUrl})`);
  });

  it('passes the channel, username and icon overrides the admin configured', async () => {
    const config = {
      kind: 'mattermost' as const,
      url: server.url,
      channel: '@alice',
      username: 'astreinte',
      iconUrl: 'https://astreinte.example.com/icon.png',
    };
    await sendMattermost({ ...base, config, message: { ...sampleMessage, severity: undefined } });
    expect(lastBody()).toEqual({
      text: sampleMessage.subject,
      attachments: [{ fallback: sampleMessage.short, text: sampleMessage.text }],
      channel: '@alice',
      username: 'astreinte',
      icon_url: 'https://astreinte.example.com/icon.png',
    });
  });
});

describe('sendTeams', () => {
  it('posts an Adaptive Card in the message + attachments shape of Teams Workflows webhooks', async () => {
    server.replyNext({ status: 202, body: '' });
    const message = renderNotification({ kind: 'triggered', locale: 'en', channel: 'teams', vars: fullVars });
    const result = await sendTeams({
      ...base,
      config: { kind: 'teams', url: `${server.url}/workflows/abc/triggers/manual/paths/invoke?sig=s3cr3t` },
      message,
    });
    expect(result).toEqual({ outcome: 'sent', retryable: false, status: 202 });
    const body = lastBody() as {
      type: string;
      attachments: Array<{ contentType: string; contentUrl: null; content: Record<string, unknown> }>;
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    const [attachment] = body.attachments;
    expect(attachment!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment!.contentUrl).toBeNull();
    const card = attachment!.content as { type: string; version: string; body: Array<Record<string, unknown>> };
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.4');
    expect(card.body[0]).toEqual({
      type: 'TextBlock',
      text: message.subject,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      color: 'Attention',
    });
    const texts = card.body.slice(1).map((block) => block['text']);
    expect(texts).toEqual(toTextBlocks(message.text));
    expect(card.body.every((block) => block['type'] === 'TextBlock' && block['wrap'] === true)).toBe(true);
  });

  it('splits Markdown into one TextBlock per paragraph, list items joined by \\r', () => {
    expect(
      toTextBlocks(
        '**Title**\n\nLine one\nLine two\n\n- a\n- b\n\nRunbooks:\n- [x](https://x)\n- [y](https://y)\n\n\n',
      ),
    ).toEqual(['**Title**', 'Line one\n\nLine two', '- a\r- b', 'Runbooks:\n\n- [x](https://x)\r- [y](https://y)']);
  });
});

type ChatSender = (request: SendRequest<{ kind: never; url: string }>) => Promise<DeliveryResult>;
const senders: Array<{ name: string; send: ChatSender; kind: string }> = [
  { name: 'sendSlack', send: sendSlack, kind: 'slack' },
  { name: 'sendMattermost', send: sendMattermost, kind: 'mattermost' },
  { name: 'sendTeams', send: sendTeams, kind: 'teams' },
];

describe.each(senders)('$name classifies what the chat server answers', ({ send, kind }) => {
  const request = (url: string, timeoutMs?: number) => ({
    ...base,
    config: { kind: kind as never, url },
    message: sampleMessage,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });

  it.each([
    { status: 200, outcome: 'sent', retryable: false },
    { status: 400, outcome: 'failed', retryable: false },
    { status: 404, outcome: 'failed', retryable: false },
    { status: 429, outcome: 'failed', retryable: true },
    { status: 500, outcome: 'failed', retryable: true },
  ] as const)('HTTP $status: $outcome, retryable $retryable', async ({ status, outcome, retryable }) => {
    server.replyNext({ status, body: status === 400 ? 'invalid_payload' : 'ok' });
    const result = await send(request(server.url));
    expect(result).toMatchObject({ outcome, retryable, status });
    if (status === 400) expect(result.error).toBe(`${new URL(server.url).host} answered HTTP 400: invalid_payload`);
  });

  it('connection refused: retryable', async () => {
    expect(await send(request(await refusedUrl()))).toMatchObject({ outcome: 'failed', retryable: true });
  });

  it('no answer within the timeout: retryable', async () => {
    server.replyNext('hang');
    expect(await send(request(server.url, 200))).toEqual({
      outcome: 'failed',
      retryable: true,
      error: 'timed out after 200 ms',
    });
  });
});
