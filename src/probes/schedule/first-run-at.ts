/**
 * When a probe is first checked (after it is created, changed or enabled, or found long overdue
 * at start): at a random point of one interval from now. Spreading the checks keeps a node from
 * a thundering herd when thousands of probes start together, and keeps nodes' loads even.
 */
export function firstRunAt(now: Date, intervalSeconds: number, random: () => number = Math.random): Date {
  return new Date(now.getTime() + Math.floor(random() * intervalSeconds * 1000));
}

/**
 * The slot after `scheduledAt`, every `everySeconds`. A probe keeps its rhythm (no drift from
 * check durations); if the node was away for longer than one period, the missed slots are not
 * caught up but the next one lands at a random point of the coming period (no herd at restart).
 */
export function nextRunAt(
  scheduledAt: Date,
  everySeconds: number,
  now: Date,
  random: () => number = Math.random,
): Date {
  const next = scheduledAt.getTime() + everySeconds * 1000;
  if (next > now.getTime()) return new Date(next);
  return firstRunAt(now, everySeconds, random);
}
