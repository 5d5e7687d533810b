import type { Ctx } from '../../core/context.js';
import type { Urgency } from '../people/urgency.js';
import type { EscalateStep } from './escalation-timers.js';
import { queueRuleDeliveries } from './queue-rule-deliveries.js';

/**
 * Queues the pages of one escalation level: for each person, a delivery per notification rule
 * for the page's urgency, due after the rule's delay (`queueRuleDeliveries`). Deliveries have
 * deterministic ids: queuing a level twice queues nothing more. Returns how many were queued.
 */
export async function queuePages(
  ctx: Ctx,
  level: EscalateStep & { users: string[]; urgency: Urgency },
): Promise<number> {
  return queueRuleDeliveries(ctx, {
    incidentId: level.incidentId,
    users: level.users,
    urgency: level.urgency,
    kind: 'page',
    message: { kind: 'page', level: level.level + 1, cycle: level.cycle + 1 },
    idOf: (userId, index) =>
      `page.${level.incidentId}.g${level.generation}.c${level.cycle}.l${level.level}.${userId}.${index}`,
  });
}
