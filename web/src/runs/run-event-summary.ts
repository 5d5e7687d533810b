import type { Translate } from '../i18n';
import { payloadText } from '../payload-text';

/**
 * One line for the timeline events runs add (`run_started`, `step_started`, `step_output` …),
 * or null for any other type. Ids (run, execution) are left out: the run panel shows the run,
 * the timeline says what happened in words a post-mortem can quote.
 */
export function summarizeRunEvent(type: string, p: Record<string, unknown>, t: Translate): string | null {
  const step = str(p['stepId']);
  const why = str(p['reason']) ?? str(p['note']);
  const tail = (line: string): string => (why === null ? line : `${line} — ${why}`);
  switch (type) {
    case 'run_started':
      return `${str(p['title']) ?? str(p['runbookId']) ?? ''} v${payloadText(p['runbookVersion'] ?? '?')}`;
    case 'run_ended': {
      const outcome = p['outcome'];
      return tail(
        outcome === 'verified' || outcome === 'failed' || outcome === 'abandoned'
          ? t(`runs.runStatus.${outcome}`)
          : payloadText(outcome),
      );
    }
    case 'step_started':
    case 'step_approval_requested':
      return tail(`${step ?? ''} [${riskName(p['risk'], t)}] ${str(p['command']) ?? ''}`.trimEnd());
    case 'step_output': {
      const output = Array.isArray(p['output']) ? p['output'] : [];
      const lines = output.map((line: unknown) =>
        typeof line === 'object' && line !== null ? (str((line as Record<string, unknown>)['text']) ?? '') : '',
      );
      return `${step ?? ''}: ${lines.join('')}`.trimEnd();
    }
    case 'step_finished': {
      const status = str(p['status']) ?? '';
      const runner = str(p['runner']);
      const parts = [
        `${step ?? ''} ${statusName(status, t)}`,
        runner === null ? null : t('runs.onRunner', { name: runner }),
        p['exitCode'] === null || p['exitCode'] === undefined
          ? null
          : t('runs.exitCode', { code: payloadText(p['exitCode']) }),
      ];
      if (typeof p['durationMs'] === 'number')
        parts.push(t('runs.duration', { seconds: (p['durationMs'] / 1000).toFixed(1) }));
      // Why it ended early (no runner took it, its runner stopped): the post-mortem needs it.
      return tail(parts.filter((part) => part !== null).join(' · '));
    }
    case 'step_approved':
    case 'step_refused':
    case 'step_checked':
    case 'step_skipped':
      return tail(`${step ?? ''} ${str(p['command']) ?? ''}`.trimEnd());
    case 'steps_skipped':
      return tail(Array.isArray(p['stepIds']) ? p['stepIds'].join(', ') : '');
    default:
      return null;
  }
}

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function riskName(value: unknown, t: Translate): string {
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
