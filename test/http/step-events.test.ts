import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

const runbook =
  '# RUNBOOK: Ticking\n## Symptoms\n- none\n## Diagnosis\n```bash\nfor i in 1 2 3 4 5 6; do echo "tick $i"; sleep 0.5; done\n```\n';

interface ServerSentEvent {
  event: string;
  data: Record<string, unknown>;
  receivedAt: number;
}

describe.each(testBackends)('live step output over Server-Sent Events on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { runner: true });

  it.skipIf(!available)('streams the output while the step prints over several seconds, then its end', async () => {
    const imported = (
      await t.call('POST', '/api/v1/runbook-sources', { body: { filename: 'tick.md', content: runbook } })
    ).json();
    const run = (await t.call('POST', '/api/v1/runs', { body: { runbookId: imported.runbooks[0].id } })).json();
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const started = (await t.call('POST', `/api/v1/runs/${run.id}/steps/s1/execute`, { body: {} })).json();
    const t0 = Date.now();
    const response = await fetch(`${base}/api/v1/runs/${run.id}/executions/${started.execution.id}/events`, {
      headers: { authorization: `Bearer ${t.users.viewer.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events: ServerSentEvent[] = [];
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const bytes of response.body!) {
      buffer += decoder.decode(bytes, { stream: true });
      let boundary: number;
      while ((boundary = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
        const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
        events.push({ event, data, receivedAt: Date.now() - t0 });
      }
    }
    const outputs = events.filter((e) => e.event === 'output');
    expect(outputs.map((e) => e.data['text']).join('')).toBe('tick 1\ntick 2\ntick 3\ntick 4\ntick 5\ntick 6\n');
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'succeeded', exitCode: 0 } });
    // Live, not at the end: the first tick arrives seconds before the last.
    expect(outputs.at(-1)!.receivedAt - outputs[0]!.receivedAt).toBeGreaterThan(1500);
    expect(events.filter((e) => e.event === 'status').map((e) => e.data['status'])).toEqual(
      expect.arrayContaining(['running', 'succeeded']),
    );
  });

  it.skipIf(!available)('answers 404 before opening a stream for an unknown execution', async () => {
    const response = await t.call(
      'GET',
      '/api/v1/runs/00000000-0000-4000-8000-000000000000/executions/00000000-0000-4000-8000-000000000001/events',
    );
    expect(response.statusCode).toBe(404);
  });
});
