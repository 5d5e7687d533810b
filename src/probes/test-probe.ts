import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { checkProbe, type ProbeVerdict } from './check-probe.js';
import { checkProbeSettings, type ProbeEnvironment } from './check-probe-settings.js';
import { withProbeDefaults, type CreateProbeInput } from './probe-input.js';

/**
 * Checks a probe as it would be saved, once, now, without saving it (admin): what each condition
 * saw (`[STATUS] (503) == 200`), the values observed, the series of a Prometheus query. For
 * writing conditions against the real target before the probe starts paging.
 */
export async function testProbe({
  ctx,
  input,
  environment,
}: {
  ctx: Ctx;
  input: CreateProbeInput;
  environment: ProbeEnvironment;
}): Promise<ProbeVerdict> {
  requireRole(ctx, 'admin');
  const settings = withProbeDefaults(input);
  await checkProbeSettings(ctx.db, settings, environment);
  return checkProbe(
    { target: settings.target, conditions: settings.conditions, prometheusUrl: environment.prometheusUrl },
    { timeoutMs: settings.timeoutMs },
  );
}
