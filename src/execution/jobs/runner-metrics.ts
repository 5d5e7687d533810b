import { Gauge, type Registry } from 'prom-client';
import type { ChangeSignal } from '../../live/change-signal.js';

/**
 * Runners' claims waiting on this node for a step: the idle capacity connected here. Zero while
 * steps queue means no runner is free (or none connected), which `waitingFor` also says per step.
 */
export function registerRunnerMetrics(registry: Registry, signal: ChangeSignal): void {
  new Gauge({
    name: 'astreinte_runner_claims_waiting',
    help: 'Runner claims (long polls) waiting on this node for a step to run',
    registers: [registry],
    collect() {
      this.set(signal.waiting);
    },
  });
}
