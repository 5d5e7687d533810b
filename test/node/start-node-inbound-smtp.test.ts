import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode } from '../../src/node/start-node.js';
import { testConfig } from '../support/test-app.js';

/** The first line the server sends on a new connection, or the connection's error. */
function greeting(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('data', (data) => {
      resolve(data.toString('utf8'));
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

// A whole node on an empty data folder: tens of seconds on a busy 2-core machine.
describe('a node with replies by e-mail', { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'astreinte-inbound-node-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('listens for replies only when a port is set, and stops listening when it closes', async () => {
    const node = await startNode(
      testConfig({ port: 0, dataDir: dir, inboundSmtpPort: 0, inboundSmtpDomain: 'replies.example.test' }),
    );
    const port = node.inboundSmtpPort!;
    try {
      expect(await greeting(port)).toMatch(/^220 replies\.example\.test ESMTP Astreinte replies/);
    } finally {
      await node.close();
    }
    await expect(greeting(port)).rejects.toThrow(/ECONNREFUSED/);
    const plain = await startNode(testConfig({ port: 0, dataDir: dir }));
    await plain.close();
    expect(plain.inboundSmtpPort).toBeNull();
  });
});
