import { requireRole } from '../../core/authorize.js';
import type { Ctx } from '../../core/context.js';
import { checkSchedule } from '../schedules/check-schedule.js';
import { buildScheduleTimeline, timelineWindow } from './build-schedule-timeline.js';
import { loadUserNames } from './get-schedule-timeline.js';
import type { PreviewTimelineInput, ScheduleTimeline } from './schedule-timeline-model.js';

/**
 * The timeline an unsaved definition would give (viewer; nothing is stored), so that an editor
 * shows the result of each change before saving it. The definition is checked as `PUT` checks it
 * (400 naming each field under `/definition`), except that unknown user ids are shown as they are:
 * saving reports them.
 */
export async function previewScheduleTimeline({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: PreviewTimelineInput;
}): Promise<ScheduleTimeline> {
  requireRole(ctx, 'viewer');
  const definition = checkSchedule(input.definition, '/definition');
  const now = ctx.now();
  const window = timelineWindow(definition.timeZone, now, input);
  return buildScheduleTimeline(definition, window, await loadUserNames(ctx.db), now);
}
