import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/storage/database.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { testBackends } from '../../support/test-database.js';
import { declareIncident, replyAddressFor, startTestListener, statusOf } from './reply-support.js';

describe.each(testBackends)('stopping the replies listener on $backend', ({ backend, available }) => {
  let t: TestApp;
  beforeAll(async () => {
    if (available) t = await createTestApp(backend);
  });
  afterAll(async () => {
    await (t as TestApp | undefined)?.close();
  });

  it.skipIf(!available)('stopping waits for the reply in flight, which is answered and acted on', async () => {
    const id = await declareIncident(t);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Acting on the reply (its transaction) waits for the gate: the message was received, its answer
    // not given, when stopping starts. (A session still before DATA gets 421 and its server retries.)
    const slowDb = new Proxy(t.db, {
      get: (target, name, receiver) =>
        name === 'transaction'
          ? async (...args: Parameters<Database['transaction']>) => {
              await gate;
              return target.transaction(...args);
            }
          : (Reflect.get(target, name, receiver) as unknown),
    });
    const slow = await startTestListener(slowDb, {}, 5000);
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: slow.port,
      secure: false,
      ignoreTLS: true,
    });
    const sending = transport.sendMail({
      from: 'responder@example.test',
      to: replyAddressFor(id, t.users.responder.id),
      text: 'ACK',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    let stopped = false;
    const stopping = slow.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stopped).toBe(false);
    release();
    expect((await sending).response).toMatch(/^250/);
    transport.close();
    await stopping;
    expect(await statusOf(t, id)).toBe('acknowledged');
  });
});
