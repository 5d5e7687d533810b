/**
 * What the schedule pages read from the API: the server's own types, imported as types only, so
 * the pages cannot drift from what the API answers.
 */
export type { ScheduleTimeline } from '../../../src/oncall/timeline/schedule-timeline-model.js';
export type { ScheduleRecord } from '../../../src/oncall/schedules-store/schedule-record.js';
export type { Layer, Override, Rotation } from '../../../src/oncall/schedules/schedule-model.js';
export type { ShiftSwap } from '../../../src/oncall/swaps/shift-swap-model.js';
