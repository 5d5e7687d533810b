import http from 'node:http';
import https from 'node:https';
import type { RegisterRunnerInput, RunnerSettings } from '../execution/jobs/register-runner.js';
import type { StepEnd, StepJobPayload } from '../execution/jobs/step-job-payload.js';

/** How a runner reaches the server: HTTP(S) out, or (in tests) an in-process app. */
export interface RunnerTransport {
  /** `signal` abandons the request (a claim left waiting when the runner stops). */
  request(
    method: 'POST' | 'DELETE',
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<{ status: number; body: unknown }>;
}

/** An answer the server gave, other than success: 401 (token revoked), 409 (not ours any more) … */
export class RunnerApiError extends Error {
  override readonly name = 'RunnerApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type RunnerInfo = Omit<RegisterRunnerInput, 'id'>;

export interface OutputChunkWire {
  stream: 'stdout' | 'stderr';
  text: string;
  at: string;
}

/** The runner side of `/api/v1/runner/…`, one method per call; non-2xx answers throw `RunnerApiError`. */
export class RunnerApi {
  constructor(
    private readonly transport: RunnerTransport,
    readonly runnerId: string,
  ) {}

  register(info: RunnerInfo): Promise<RunnerSettings> {
    return this.call('POST', '/api/v1/runner/sessions', { id: this.runnerId, ...info }) as Promise<RunnerSettings>;
  }

  async claim(max: number, waitMs: number, signal?: AbortSignal): Promise<StepJobPayload[]> {
    return ((await this.call('POST', `${this.base}/claim`, { max, waitMs }, signal)) as { jobs: StepJobPayload[] })
      .jobs;
  }

  async heartbeat(executionIds: readonly string[]): Promise<string[]> {
    return ((await this.call('POST', `${this.base}/heartbeat`, { executionIds })) as { stop: string[] }).stop;
  }

  output(executionId: string, chunks: readonly OutputChunkWire[]): Promise<{ cancel: boolean }> {
    return this.call('POST', `${this.base}/executions/${executionId}/output`, { chunks }) as Promise<{
      cancel: boolean;
    }>;
  }

  async finish(executionId: string, result: StepEnd): Promise<void> {
    await this.call('POST', `${this.base}/executions/${executionId}/finish`, result);
  }

  async deregister(): Promise<void> {
    await this.call('DELETE', this.base);
  }

  private get base(): string {
    return `/api/v1/runner/sessions/${this.runnerId}`;
  }

  private async call(method: 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<unknown> {
    const answer = await this.transport.request(method, path, body, signal);
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    const message = (answer.body as { message?: unknown } | null)?.message;
    throw new RunnerApiError(
      answer.status,
      typeof message === 'string' ? message : `the server answered ${answer.status}`,
    );
  }
}

/**
 * The transport of a real runner: JSON over HTTP(S) with its runner token, each call bounded in
 * time, on kept-alive connections. node:http rather than fetch: a short step costs the runner
 * three calls (claim, output, end), and fetch spends several times more CPU on each.
 */
export function httpTransport(baseUrl: string, token: string, timeoutMs = 90_000): RunnerTransport {
  const root = new URL(baseUrl.replace(/\/+$/, ''));
  const secure = root.protocol === 'https:';
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const send = secure ? https.request : http.request;
  return {
    request(method, path, body, signal) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const timeout = AbortSignal.timeout(timeoutMs);
      return new Promise((resolve, reject) => {
        const request = send(
          new URL(`${root.pathname.replace(/\/$/, '')}${path}`, root),
          {
            method,
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              ...(payload === undefined
                ? {}
                : { 'content-type': 'application/json', 'content-length': payload.length }),
            },
            signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
          },
          (response) => {
            const parts: Buffer[] = [];
            response.on('data', (part: Buffer) => parts.push(part));
            response.on('error', reject);
            response.on('end', () => {
              const text = Buffer.concat(parts).toString('utf8');
              try {
                resolve({ status: response.statusCode ?? 0, body: text === '' ? null : (JSON.parse(text) as unknown) });
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            });
          },
        );
        request.on('error', reject);
        request.end(payload);
      });
    },
  };
}
