import type { StepOutput } from '../execution/list-step-output.js';
import type { StepExecution } from '../execution/run-model.js';
import type { ApiClient, ApiTarget } from './api-client.js';
import { CliError, type CliIo } from './cli-io.js';

/** How a followed execution ended: the `end` event, with the last execution the stream showed. */
export interface FollowedEnd {
  status: StepExecution['status'];
  exitCode: number | null;
  execution: StepExecution | undefined;
  /** The last text printed did not end with a newline: what follows should start on a new line. */
  openLine: boolean;
}

interface ServerSentEvent {
  event: string;
  data: string;
  id: string | undefined;
}

const maxRetries = 5;

/**
 * Follows a step execution over `GET …/events` (Server-Sent Events), writing its stdout to
 * `io.stdout` and its stderr (and the server's own notes) to `io.stderr` as they arrive, unless
 * `quiet`. A cut stream is resumed from the last output seen (`Last-Event-ID`), so nothing is
 * printed twice; it gives up after a few attempts without progress.
 */
export async function followExecution(
  { client, target, io }: { client: ApiClient; target: ApiTarget; io: CliIo },
  runId: string,
  executionId: string,
  options: { quiet?: boolean } = {},
): Promise<FollowedEnd> {
  const path = `/api/v1/runs/${encodeURIComponent(runId)}/executions/${encodeURIComponent(executionId)}`;
  const state = { lastSeq: -1, execution: undefined as StepExecution | undefined, openLine: false };
  let failures = 0;
  for (;;) {
    const before = state.lastSeq;
    const response = await openStream(target, `${path}/events`, state.lastSeq).catch(() => undefined);
    if (response !== undefined && !response.ok) {
      // The plain request says why in the client's words (404, 401, 403 …).
      await client.request('GET', `${path}/output`, { query: { after: state.lastSeq } });
      throw new CliError(`${target.url} answered HTTP ${response.status} to the event stream of ${executionId}`);
    }
    if (response?.body != null) {
      for await (const event of readEvents(response.body)) {
        if (event.event === 'output') {
          const chunk = JSON.parse(event.data) as StepOutput;
          if (chunk.seq <= state.lastSeq) continue;
          state.lastSeq = chunk.seq;
          if (options.quiet !== true && chunk.text !== '') {
            (chunk.stream === 'stdout' ? io.stdout : io.stderr).write(chunk.text);
            state.openLine = !chunk.text.endsWith('\n');
          }
        } else if (event.event === 'status') {
          state.execution = JSON.parse(event.data) as StepExecution;
        } else if (event.event === 'end') {
          const end = JSON.parse(event.data) as { status: StepExecution['status']; exitCode: number | null };
          return { ...end, execution: state.execution, openLine: state.openLine };
        }
        // `error`: the server gave up on this stream; it is resumed below.
      }
    }
    failures = state.lastSeq > before ? 1 : failures + 1;
    if (failures > maxRetries) {
      await client.request('GET', `${path}/output`, { query: { after: state.lastSeq } }); // an unreachable server is reported as such
      throw new CliError(
        `lost the event stream of ${executionId} ${maxRetries} times; see its output with \`astreinte run output ${runId} ${executionId}\``,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * failures));
  }
}

async function openStream(target: ApiTarget, path: string, lastSeq: number): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (target.token !== undefined) headers['authorization'] = `Bearer ${target.token}`;
  if (lastSeq >= 0) headers['last-event-id'] = String(lastSeq);
  // No timeout: a step may print nothing for minutes, and the stream stays open that long.
  return fetch(target.url.replace(/\/+$/, '') + path, { headers });
}

/** Parses a text/event-stream body into events (blank-line separated; `data:` lines joined by newlines). */
async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let current: { event: string; data: string[]; id: string | undefined } = {
    event: 'message',
    data: [],
    id: undefined,
  };
  try {
    for await (const bytes of body) {
      buffer += decoder.decode(bytes, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') {
          if (current.data.length > 0) yield { event: current.event, data: current.data.join('\n'), id: current.id };
          current = { event: 'message', data: [], id: undefined };
          continue;
        }
        if (line.startsWith(':')) continue; // a comment (keep-alive)
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') current.event = value;
        else if (field === 'data') current.data.push(value);
        else if (field === 'id') current.id = value;
      }
    }
  } catch {
    // The connection was cut mid-stream: the caller resumes from the last output seen.
  }
}
