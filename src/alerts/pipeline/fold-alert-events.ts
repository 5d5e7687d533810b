import type { PlannedAlert } from './plan-alert.js';

/** What one flush does to one dedup key of one integration, whatever number of events it got. */
export interface FoldedAlert {
  /** The last trigger's content, if the key was triggered in this flush. */
  trigger: PlannedAlert | null;
  /** How many triggers it got (its repeat count grows by this). */
  triggers: number;
  /** The acknowledgement, if the key was acknowledged (PagerDuty). */
  acknowledged: PlannedAlert | null;
  /** The last event resolved it (after any trigger of this flush). */
  resolved: PlannedAlert | null;
}

/**
 * Folds the events of one flush per dedup key, in arrival order: a statement may touch a row once,
 * and Prometheus re-sends the same alerts many times. A resolve followed by a trigger fires again
 * (the trigger wins); a trigger followed by a resolve is stored, then resolved.
 */
export function foldAlertEvents(planned: readonly PlannedAlert[]): Map<string, FoldedAlert> {
  const folded = new Map<string, FoldedAlert>();
  for (const entry of planned) {
    const key = `${entry.integration.id}\u0000${entry.alert.fingerprint}`;
    const current = folded.get(key) ?? { trigger: null, triggers: 0, acknowledged: null, resolved: null };
    switch (entry.alert.action) {
      case 'trigger':
        current.trigger = entry;
        current.triggers += 1;
        current.resolved = null;
        break;
      case 'acknowledge':
        current.acknowledged = entry;
        break;
      case 'resolve':
        current.resolved = entry;
        break;
    }
    folded.set(key, current);
  }
  return folded;
}
