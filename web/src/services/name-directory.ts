import { api } from '../api';
import type { Paged } from '../types';
import type { EscalationTarget, NameDirectory, ScheduleOnCall } from './services-types';
import type { Translate } from '../i18n';

interface Named {
  id: string;
  name: string;
}

/**
 * The names escalation targets are shown with. Deactivated people are included: a policy still
 * naming one must show who, so that someone notices and fixes it.
 */
export async function loadNameDirectory(): Promise<NameDirectory> {
  const [users, teams, schedules] = await Promise.all([
    api<Paged<Named>>('GET', '/api/v1/users?limit=500&includeDeactivated=true'),
    api<Paged<Named>>('GET', '/api/v1/teams?limit=500'),
    api<Named[]>('GET', '/api/v1/schedules'),
  ]);
  const byId = (items: readonly Named[]) => new Map(items.map((item) => [item.id, item.name]));
  return { users: byId(users.items), teams: byId(teams.items), schedules: byId(schedules) };
}

/** Who is on call now and next for every schedule (`GET /api/v1/on-call`), by schedule id. */
export async function loadOnCallBySchedule(): Promise<Map<string, ScheduleOnCall>> {
  const schedules = await api<ScheduleOnCall[]>('GET', '/api/v1/on-call');
  return new Map(schedules.map((schedule) => [schedule.scheduleId, schedule]));
}

/** "Schedule Dispatch primary", "Team Payments", "Person: Ana": what a level's target is, in words. */
export function targetText(target: EscalationTarget, directory: NameDirectory, t: Translate): string {
  if (target.type === 'user') return t('services.target.user', { name: directory.users.get(target.id) ?? target.id });
  if (target.type === 'team') return t('services.target.team', { name: directory.teams.get(target.id) ?? target.id });
  return t('services.target.schedule', { name: directory.schedules.get(target.id) ?? target.id });
}

/** When each level pages, in minutes from the incident opening: each delay counts from the level before. */
export function levelStarts(delays: readonly number[]): number[] {
  let at = 0;
  return delays.map((delay) => (at += delay));
}
