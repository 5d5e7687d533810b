import { connect } from 'node:net';
import type { TcpTarget } from '../kinds/tcp-probe.js';
import type { CheckOptions, Observation } from '../probe-model.js';
import { unreachedObservation } from './check-outcome.js';
import { startBudget, waitForSocket } from './check-timing.js';

/**
 * A TCP check: opens a connection to `host:port` and closes it at once. Fills `CONNECTED`,
 * `RESPONSE_TIME` (the connect time, name resolution included) and `IP` (the address reached).
 * Never throws: a refused connection, an unknown host, a timeout are `reached: false`.
 */
export async function runTcpCheck(target: TcpTarget, options: CheckOptions): Promise<Observation> {
  const budget = startBudget(options);
  const socket = connect({ host: target.host, port: target.port });
  try {
    await waitForSocket(socket, 'connect', budget.signal);
    const latencyMs = budget.elapsedMs();
    return {
      reached: true,
      latencyMs,
      values: { CONNECTED: true, RESPONSE_TIME: latencyMs, IP: socket.remoteAddress ?? null },
      error: null,
    };
  } catch (error) {
    return unreachedObservation(budget, error);
  } finally {
    // The connect was the whole check: nothing is sent, the connection is closed at once.
    socket.destroy();
    budget.end();
  }
}
