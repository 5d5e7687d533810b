import type { Command } from 'commander';
import type { ScheduleRecord } from '../oncall/schedules-store/schedule-record.js';
import { ApiClient, apiTarget } from './api-client.js';
import { withApiOptions } from './cli-options.js';
import { shortTime, writeJson, writeLines, type CliIo } from './cli-io.js';
import { formatTable } from './format-table.js';

interface ApiFlags {
  url?: string;
  token?: string;
  json?: boolean;
}

type OnCall = {
  scheduleId: string;
  at: string;
  onCall: { userId: string; name: string; until: string | null; overrideId: string | null } | null;
};
type Shift = { userId: string | null; start: string; end: string; layerId: string | null; overrideId: string | null };

/** `astreinte oncall now` and `astreinte schedule show`: who is on call, and a schedule's shifts, over the HTTP API. */
export function registerOncallCommands(program: Command, io: CliIo): void {
  const clientOf = (flags: ApiFlags): ApiClient => new ApiClient(apiTarget(flags, io.env));
  const encode = encodeURIComponent;

  withApiOptions(program.command('oncall').command('now'))
    .description('who is on call now (or at --at) for every schedule, or one')
    .option('--schedule <id>', 'only this schedule')
    .option('--at <time>', 'an ISO date-time instead of now')
    .action(async (flags: ApiFlags & { schedule?: string; at?: string }) => {
      const client = clientOf(flags);
      const ids =
        flags.schedule !== undefined
          ? [flags.schedule]
          : (await client.request<ScheduleRecord[]>('GET', '/api/v1/schedules')).map((schedule) => schedule.id);
      const answers = await Promise.all(
        ids.map((id) =>
          client.request<OnCall>('GET', `/api/v1/schedules/${encode(id)}/on-call`, { query: { at: flags.at } }),
        ),
      );
      if (flags.json === true) return writeJson(io.stdout, answers);
      writeLines(
        io.stdout,
        formatTable(
          ['schedule', 'on call', 'until', 'why'],
          answers.map((answer) => [
            answer.scheduleId,
            answer.onCall?.name ?? '(nobody)',
            shortTime(answer.onCall?.until ?? null),
            answer.onCall?.overrideId === null || answer.onCall === null ? '' : 'override',
          ]),
        ),
      );
    });

  withApiOptions(program.command('schedule').command('show'))
    .description('a schedule and its shifts (default: the next 7 days)')
    .argument('<id>', 'schedule id')
    .option('--from <time>', 'ISO date-time, default now')
    .option('--to <time>', 'ISO date-time, default 7 days after --from')
    .action(async (id: string, flags: ApiFlags & { from?: string; to?: string }) => {
      const client = clientOf(flags);
      const from = flags.from === undefined ? io.now() : new Date(flags.from);
      const to = flags.to === undefined ? new Date(from.getTime() + 7 * 86_400_000) : new Date(flags.to);
      const schedule = await client.request<ScheduleRecord>('GET', `/api/v1/schedules/${encode(id)}`);
      const shifts = await client.request<Shift[]>('GET', `/api/v1/schedules/${encode(id)}/shifts`, {
        query: { from: from.toISOString(), to: to.toISOString() },
      });
      if (flags.json === true) return writeJson(io.stdout, { schedule, shifts });
      const users = await client.request<{ items: { id: string; name: string }[] }>('GET', '/api/v1/users', {
        query: { limit: 500 },
      });
      const names = new Map(users.items.map((user) => [user.id, user.name]));
      writeLines(
        io.stdout,
        `${schedule.name} (${schedule.id}), ${schedule.definition.timeZone}: ${schedule.definition.layers.length} layer(s), ${schedule.definition.overrides.length} override(s)`,
        formatTable(
          ['from', 'to', 'on call', 'source'],
          shifts.map((shift) => [
            shortTime(shift.start),
            shortTime(shift.end),
            shift.userId === null ? '(nobody)' : (names.get(shift.userId) ?? shift.userId),
            shift.overrideId !== null ? `override ${shift.overrideId}` : (shift.layerId ?? ''),
          ]),
        ),
      );
    });
}
