import { Type, type Static } from 'typebox';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import {
  AdoptDraftInput,
  carryOutAdoption,
  DraftAdoptionSchema,
  type PlannedEntry,
} from '../../runbooks/draft-adoption.js';
import { lockDraftToAdopt } from '../../runbooks/lock-draft-to-adopt.js';
import type { ProbeEnvironment } from '../check-probe-settings.js';
import { createProbe } from '../create-probe.js';
import { probeOfRule, probeSeverities, runbookOfDraft } from './alert-rule-probe.js';
import { claimProbeName, composeProbeName } from './name-probes.js';
import { readPromql } from './read-promql.js';

/** `PrometheusTargetSchema.query`'s bound: createProbe trusts its input's shape. */
const maxQueryLength = 10_000;

export const AdoptAlertRulesDraftInput = Type.Object(
  {
    ...AdoptDraftInput.properties,
    prometheusUrl: Type.Optional(
      Type.String({
        format: 'uri',
        pattern: '^https?://',
        maxLength: 2000,
        description: "the Prometheus the probes query; default: the server's ASTREINTE_PROMETHEUS_URL",
      }),
    ),
    serviceId: Type.Optional(
      Type.String({ minLength: 1, description: 'the service the probes check: their alerts go to it' }),
    ),
    severity: Type.Optional(
      Type.Enum(probeSeverities, {
        description:
          "for every probe; default: each rule's written severity (critical → P1, high → P2, warning → P3), else P2",
      }),
    ),
  },
  { additionalProperties: false },
);
export type AdoptAlertRulesDraftInput = Static<typeof AdoptAlertRulesDraftInput>;

export const AlertRulesAdoptionSchema = Type.Object(
  {
    ...DraftAdoptionSchema.properties,
    prometheusUrl: Type.Union([Type.String(), Type.Null()], {
      description: "the Prometheus the probes query: the one given, else the server's default; null: none",
    }),
  },
  { title: 'AlertRulesAdoption' },
);
/** An adoption's report (a probe's entry id is the probe's), with the Prometheus its probes query. */
export type AlertRulesAdoption = Static<typeof AlertRulesAdoptionSchema>;

const selectPrometheusProbes = `SELECT id, name, target->>'query' AS query FROM probes WHERE kind = 'prometheus'`;

/**
 * Turns an `alert-rules` draft into Prometheus probes (admin), in one transaction: each rule
 * written in PromQL (`up{job="postgres"} == 0`) becomes a probe running that query (see
 * `probeOfRule`). Prose rules (`memory > 85%`) are skipped with the reason; a rule whose query a
 * probe already runs is kept, so adopting twice creates nothing. A taken name gets ` (2)`…
 * `dryRun` answers the plan (no Prometheus is then a warning, not a 400). 404 for an unknown
 * draft or one of another kind, 409 for a dismissed one.
 */
export async function adoptAlertRulesDraft({
  ctx,
  input,
  environment,
}: {
  ctx: Ctx;
  input: AdoptAlertRulesDraftInput;
  environment: ProbeEnvironment;
}): Promise<AlertRulesAdoption> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'alert-rules');
    const dryRun = input.dryRun ?? false;
    const prometheusUrl = input.prometheusUrl ?? environment.prometheusUrl;
    const readings = draft.data.rules.map((rule) => ({ rule, reading: readPromql(rule.expression) }));
    const noPrometheus = 'required: the server has no default Prometheus (ASTREINTE_PROMETHEUS_URL)';
    if (!dryRun && prometheusUrl === null && readings.some(({ reading }) => reading.promql))
      throw validationError('no Prometheus to query', [{ path: '/prometheusUrl', message: noPrometheus }]);
    const runbookId = await runbookOfDraft(tx.db, draft);
    const existing = (await tx.db.query<{ id: string; name: string; query: string }>(selectPrometheusProbes)).rows;
    const taken = new Set(existing.map((probe) => probe.name));
    const plan: PlannedEntry[] = [];
    for (const { rule, reading } of readings) {
      const query = (rule.expression ?? '').trim();
      if (!reading.promql || query.length > maxQueryLength) {
        const detail = reading.promql
          ? `longer than a probe's query may be (${maxQueryLength} characters)`
          : reading.reason;
        plan.push({ entry: { action: 'skip', target: rule.expression ?? rule.raw, id: null, detail, warnings: [] } });
        continue;
      }
      const running = existing.find((probe) => probe.query === query);
      if (running !== undefined) {
        const detail = `a probe already runs ${query}`;
        plan.push({ entry: { action: 'keep', target: running.name, id: running.id, detail, warnings: [] } });
        continue;
      }
      const probe = probeOfRule(
        rule,
        claimProbeName(composeProbeName(draft.title, rule.name), taken),
        input,
        runbookId,
      );
      const forMinutes = Math.round((probe.forSeconds ?? 0) / 60);
      plan.push({
        entry: {
          action: 'create',
          target: probe.name,
          id: null,
          detail: `probe of ${query}, ${probe.severity ?? 'P2'}${forMinutes > 0 ? `, after ${forMinutes} min` : ''}`,
          warnings: prometheusUrl === null ? [`a Prometheus to query: ${noPrometheus}`] : [],
        },
        write: async (txCtx) => (await createProbe({ ctx: txCtx, input: probe, environment })).id,
      });
      // A second rule of the same query in this draft is the same probe.
      existing.push({ id: '', name: probe.name, query });
    }
    const report = await carryOutAdoption(
      tx,
      { id: input.draftId, kind: 'alert-rules', status: draft.status },
      plan,
      dryRun,
    );
    return { ...report, prometheusUrl };
  });
}
