/**
 * A schedule's PUT body with one weekly layer of the given people, handing over on Mondays at
 * 09:00 Paris time from 2026-01-05: the first participant is on call now in most tests' weeks.
 */
export function weeklySchedule(name: string, participants: string[], teamId?: string) {
  return {
    name,
    ...(teamId === undefined ? {} : { teamId }),
    definition: {
      timeZone: 'Europe/Paris',
      layers: [
        {
          id: 'weekly',
          name: 'Weekly',
          rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 1 },
          startsAt: '2026-01-05T09:00:00+01:00',
          participants,
        },
      ],
      overrides: [],
    },
  };
}
