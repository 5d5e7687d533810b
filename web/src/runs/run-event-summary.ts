import type { Translate } from '../i18n';
import { payloadText } from '../payload-text';
import type { TimelineEventOf } from '../types';

/** The run events with words of their own (a section's start shows its plain fields). */
type RunEvent = TimelineEventOf<
  | 'run_started'
  | 'run_ended'
  | 'step_started'
  | 'step_approval_requested'
  | 'step_output'
  | 'step_finished'
  | 'step_approved'
  | 'step_refused'
  | 'step_checked'
  | 'step_skipped'
  | 'steps_skipped'
>;

/**
 * One line for the timeline events runs add (`run_started`, `step_started`, `step_output` …).
 * Ids (run, execution) are left out: the run panel shows the run, the timeline says what happened
 * in words a post-mortem can quote. A note or reason ends the line.
 */
export function summarizeRunEvent(event: RunEvent, t: Translate): string {
  switch (event.type) {
    case 'run_started': {
      const p = event.payload;
      return `${str(p.title) ?? str(p.runbookId) ?? ''} v${payloadText(p.runbookVersion)}`;
    }
    case 'run_ended':
      return tail(t(`runs.runStatus.${event.payload.outcome}`), event.payload.note);
    case 'step_started':
    case 'step_approval_requested': {
      const p = event.payload;
      return tail(`${str(p.stepId) ?? ''} [${riskName(p.risk, t)}] ${str(p.command) ?? ''}`.trimEnd(), p.reason);
    }
    case 'step_output': {
      const p = event.payload;
      return `${str(p.stepId) ?? ''}: ${p.output.map((line) => line.text).join('')}`.trimEnd();
    }
    case 'step_finished': {
      const p = event.payload;
      const runner = str(p.runner);
      const parts = [
        `${str(p.stepId) ?? ''} ${statusName(p.status, t)}`,
        runner === null ? null : t('runs.onRunner', { name: runner }),
        p.exitCode === null || p.exitCode === undefined ? null : t('runs.exitCode', { code: payloadText(p.exitCode) }),
      ];
      if (p.durationMs !== undefined) parts.push(t('runs.duration', { seconds: (p.durationMs / 1000).toFixed(1) }));
      // Why it ended early (no runner took it, its runner stopped): the post-mortem needs it.
      return tail(parts.filter((part) => part !== null).join(' · '), p.reason);
    }
    case 'step_approved':
    case 'step_refused':
      return tail(
        `${str(event.payload.stepId) ?? ''} ${str(event.payload.command) ?? ''}`.trimEnd(),
        event.payload.reason,
      );
    case 'step_checked':
    case 'step_skipped':
      return tail(`${str(event.payload.stepId) ?? ''}`, event.payload.note);
    case 'steps_skipped':
      return tail(event.payload.stepIds.join(', '), event.payload.reason);
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** "with reason" tails: refusals and ends take a `reason`, manual steps and run ends a `note`. */
function tail(line: string, why: string | null | undefined): string {
  const said = str(why);
  return said === null ? line : `${line} — ${said}`;
}

function riskName(value: string, t: Translate): string {
  return value === 'read-only' || value === 'changing' || value === 'destructive'
    ? t(`runs.risk.${value}`)
    : payloadText(value);
}
const statuses = [
  'awaiting-approval',
  'refused',
  'queued',
  'running',
  'succeeded',
  'failed',
  'timed-out',
  'cancelled',
  'interrupted',
  'skipped',
  'done',
] as const;

function statusName(value: string, t: Translate): string {
  const known = statuses.find((status) => status === value);
  return known === undefined ? value : t(`runs.status.${known}`);
}
