import { Type, type Static } from 'typebox';
import { recordAudit } from '../../audit/record-audit.js';
import { validationError } from '../../core/app-error.js';
import { requireRole } from '../../core/authorize.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { AlertRule } from '../../runbooks/extract/drafts/draft-data.js';
import { lockDraftToAdopt, markDraftAdopted } from '../../runbooks/lock-draft-to-adopt.js';
import type { Queryable } from '../../storage/database.js';
import type { ProbeEnvironment } from '../check-probe-settings.js';
import { createProbe } from '../create-probe.js';
import type { CreateProbeInput } from '../probe-input.js';
import type { Probe } from '../probe-row.js';
import { claimProbeName, composeProbeName } from './name-probes.js';
import { readPromql } from './read-promql.js';

const severities = ['P1', 'P2', 'P3', 'P4'] as const;
type Severity = (typeof severities)[number];
/** `PrometheusTargetSchema.query`'s bound: createProbe trusts its input's shape. */
const maxQueryLength = 10_000;

export const AdoptAlertRulesDraftInput = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
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
      Type.Enum(severities, {
        description:
          "for every probe; default: each rule's written severity (critical → P1, high → P2, warning → P3), else P2",
      }),
    ),
  },
  { additionalProperties: false },
);
export type AdoptAlertRulesDraftInput = Static<typeof AdoptAlertRulesDraftInput>;

/** What an adoption made: the probes created, and the rules left out with why. */
export interface AdoptedAlertRules {
  created: Probe[];
  skipped: { expression: string; reason: string }[];
}

/** Severity words of alert rules (`critical`, `warning`, `P2`), as probe severities; null when unknown. */
function severityOf(written: string | null): Severity | null {
  const word = written?.trim().toLowerCase() ?? '';
  const level = severities.find((candidate) => candidate.toLowerCase() === word);
  if (level !== undefined) return level;
  if (/^(critical|critique|crit|urgent|page)$/.test(word)) return 'P1';
  if (/^(high|haute?|major|majeure?|error)$/.test(word)) return 'P2';
  if (/^(warning|warn|medium|moyenne?|minor|mineure?)$/.test(word)) return 'P3';
  if (/^(low|basse?|info|informational)$/.test(word)) return 'P4';
  return null;
}

/**
 * The runbook a draft was found in, for the probes' `runbook` label: a draft titled
 * `Base de Données Down › Monitoring` sits in the runbook of that title (from its import
 * preferably); an untitled one, in the only runbook of its file when the file has one.
 */
async function runbookOfDraft(db: Queryable, draft: { title: string; sourceId: string }): Promise<string | null> {
  const separator = draft.title.indexOf(' › ');
  const { rows } = await db.query<{ id: string }>(
    `SELECT r.id FROM runbooks r JOIN runbook_versions v ON v.runbook_id = r.id AND v.version = r.current_version
      WHERE r.deleted_at IS NULL AND ($1::text IS NULL OR r.title = $1) AND ($1::text IS NOT NULL OR v.source_id = $2::uuid)
      ORDER BY (v.source_id = $2::uuid) DESC, r.id LIMIT 2`,
    [separator === -1 ? null : draft.title.slice(0, separator), draft.sourceId],
  );
  // Without a title to go by, only a file of one runbook says which.
  return separator === -1 && rows.length > 1 ? null : (rows[0]?.id ?? null);
}

/**
 * Turns an `alert-rules` draft into Prometheus probes (admin), in one transaction: each rule
 * written in PromQL (`up{job="postgres"} == 0`) becomes a probe running that query, every series
 * it returns being active as in a Prometheus rule, failing for the rule's `for` before it alerts.
 * Prose rules (`memory > 85%`) are skipped, with the reason. A taken name gets ` (2)`, ` (3)`…
 * 404 for an unknown draft or one of another kind, 409 for a dismissed one; the draft is marked
 * adopted when at least one probe was created.
 */
export async function adoptAlertRulesDraft({
  ctx,
  input,
  environment,
}: {
  ctx: Ctx;
  input: AdoptAlertRulesDraftInput;
  environment: ProbeEnvironment;
}): Promise<AdoptedAlertRules> {
  requireRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const draft = await lockDraftToAdopt(tx.db, input.draftId, 'alert-rules');
    const readings = draft.data.rules.map((rule) => ({ rule, reading: readPromql(rule.expression) }));
    if (
      readings.some(({ reading }) => reading.promql) &&
      input.prometheusUrl === undefined &&
      environment.prometheusUrl === null
    ) {
      throw validationError('no Prometheus to query', [
        {
          path: '/prometheusUrl',
          message: 'required: the server has no default Prometheus (ASTREINTE_PROMETHEUS_URL)',
        },
      ]);
    }
    const runbookId = await runbookOfDraft(tx.db, draft);
    const taken = new Set((await tx.db.query<{ name: string }>('SELECT name FROM probes')).rows.map((row) => row.name));
    const adopted: AdoptedAlertRules = { created: [], skipped: [] };
    for (const { rule, reading } of readings) {
      if (!reading.promql || (rule.expression ?? '').length > maxQueryLength) {
        const reason = reading.promql
          ? `longer than a probe's query may be (${maxQueryLength} characters)`
          : reading.reason;
        adopted.skipped.push({ expression: rule.expression ?? rule.raw, reason });
        continue;
      }
      const probe = probeOfRule(
        rule,
        claimProbeName(composeProbeName(draft.title, rule.name), taken),
        input,
        runbookId,
      );
      adopted.created.push(await createProbe({ ctx: tx, input: probe, environment }));
    }
    if (adopted.created.length > 0) {
      await markDraftAdopted(tx.db, input.draftId);
      await recordAudit(tx, {
        action: 'runbook_draft.adopt',
        targetType: 'runbook_draft',
        targetId: input.draftId,
        details: { probeIds: adopted.created.map((probe) => probe.id) },
      });
    }
    return adopted;
  });
}

/** The probe of one PromQL rule: the expression as its query, no condition (every series returned is active). */
function probeOfRule(
  rule: AlertRule,
  name: string,
  input: AdoptAlertRulesDraftInput,
  runbookId: string | null,
): CreateProbeInput {
  const severity = input.severity ?? severityOf(rule.severity);
  return {
    name,
    target: {
      kind: 'prometheus',
      query: (rule.expression ?? '').trim(),
      ...(input.prometheusUrl === undefined ? {} : { url: input.prometheusUrl }),
    },
    conditions: [],
    ...(severity === null ? {} : { severity }),
    ...(input.serviceId === undefined ? {} : { serviceId: input.serviceId }),
    ...(runbookId === null ? {} : { labels: { runbook: runbookId } }),
    forSeconds: Math.min(86_400, Math.max(0, Math.round((rule.forMinutes ?? 0) * 60))),
  };
}
