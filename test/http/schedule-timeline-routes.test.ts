import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

// A Wednesday in Paris, four days before clocks go forward (Sunday 2026-03-29 lasts 23 hours).
const now = new Date('2026-03-25T12:00:00Z');

describe.each(testBackends)('schedule timelines, previews and overrides on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available, { now: () => now });
  const definition = () => ({
    timeZone: 'Europe/Paris',
    layers: [
      {
        id: 'days',
        name: 'Days',
        rotation: { kind: 'daily', handoffTime: '09:00' },
        startsAt: '2026-03-01T00:00:00+01:00',
        participants: [t.users.responder.id, t.users.admin.id],
      },
      {
        id: 'weekend',
        name: 'Weekend',
        rotation: { kind: 'weekly', handoffTime: '09:00', handoffWeekday: 6 },
        startsAt: '2026-03-01T00:00:00+01:00',
        participants: [t.users.viewer.id],
        restrictions: [{ weekdays: [6, 7], from: '09:00', to: '18:00' }],
      },
    ],
    overrides: [],
  });
  const save = async (id: string) => {
    const saved = await t.call('PUT', `/api/v1/schedules/${id}`, { body: { name: id, definition: definition() } });
    expect(saved.statusCode, saved.body).toBe(201);
  };

  it.skipIf(!available)(
    'draws two weeks of local days from midnight today, with the daylight-saving day 23 hours long',
    async () => {
      await save('paris-days');
      const answer = await t.call('GET', '/api/v1/schedules/paris-days/timeline', { token: t.users.viewer.token });
      expect(answer.statusCode, answer.body).toBe(200);
      const timeline = answer.json();
      expect([timeline.from, timeline.to, timeline.now]).toEqual([
        '2026-03-24T23:00:00.000Z',
        '2026-04-07T22:00:00.000Z',
        now.toISOString(),
      ]);
      expect(timeline.days).toHaveLength(14);
      expect(timeline.days.find((day: { date: string }) => day.date === '2026-03-29')).toEqual({
        date: '2026-03-29',
        start: '2026-03-28T23:00:00.000Z',
        end: '2026-03-29T22:00:00.000Z',
        hours: 23,
      });
      // The handoff stays at 09:00 local across the change: the shift over it lasts 23 hours.
      const days = timeline.layers[0];
      expect(days.name).toBe('Days');
      expect(days.shifts).toContainEqual({
        userId: t.users.responder.id,
        name: 'Test responder',
        start: '2026-03-29T07:00:00.000Z',
        end: '2026-03-30T07:00:00.000Z',
      });
      // Saturday 09:00–18:00 goes to the weekend layer, which wins over the days layer.
      expect(timeline.final).toContainEqual(
        expect.objectContaining({ userId: t.users.viewer.id, start: '2026-03-28T08:00:00.000Z', layerId: 'weekend' }),
      );
    },
  );

  it.skipIf(!available)('previews an unsaved definition, and names the field that is wrong', async () => {
    const preview = await t.call('POST', '/api/v1/schedules/timeline-preview', {
      token: t.users.viewer.token,
      body: { definition: definition(), from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z' },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().days.map((day: { date: string }) => day.date)).toEqual([
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
    ]);
    const broken = definition();
    broken.layers[0]!.rotation = { kind: 'weekly', handoffTime: '09:00' };
    const refused = await t.call('POST', '/api/v1/schedules/timeline-preview', { body: { definition: broken } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues).toEqual([
      { path: '/definition/layers/0/rotation/handoffWeekday', message: 'is required by a weekly rotation' },
    ]);
    const tooLong = await t.call(
      'GET',
      '/api/v1/schedules/paris-days/timeline?from=2026-01-01T00:00:00Z&to=2026-04-01T00:00:00Z',
    );
    expect(tooLong.statusCode).toBe(400);
  });

  it.skipIf(!available)('adds an override on top of every layer and removes it, refusing a viewer', async () => {
    await save('paris-overrides');
    const body = { userId: t.users.viewer.id, startsAt: '2026-03-26T10:00:00Z', endsAt: '2026-03-26T14:00:00Z' };
    const url = '/api/v1/schedules/paris-overrides/overrides';
    expect((await t.call('POST', url, { token: t.users.viewer.token, body })).statusCode).toBe(403);
    const wrong = await t.call('POST', url, {
      token: t.users.responder.token,
      body: { ...body, userId: 'nobody', endsAt: body.startsAt },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.issues).toEqual([{ path: '/endsAt', message: 'must be after startsAt' }]);
    const unknown = await t.call('POST', url, { token: t.users.responder.token, body: { ...body, userId: 'nobody' } });
    expect(unknown.json().details.issues).toEqual([{ path: '/userId', message: 'no active user nobody' }]);

    const added = await t.call('POST', url, { token: t.users.responder.token, body: { ...body, reason: 'cover' } });
    expect(added.statusCode, added.body).toBe(201);
    const overrideId: string = added.json().id;
    const timeline = (await t.call('GET', '/api/v1/schedules/paris-overrides/timeline')).json();
    expect(timeline.overrides).toEqual([
      {
        overrideId,
        userId: body.userId,
        name: 'Test viewer',
        start: '2026-03-26T10:00:00.000Z',
        end: '2026-03-26T14:00:00.000Z',
        reason: 'cover',
        swapFrom: null,
      },
    ]);
    expect(timeline.final).toContainEqual(expect.objectContaining({ overrideId, userId: body.userId }));

    expect((await t.call('DELETE', `${url}/${overrideId}`, { token: t.users.responder.token })).statusCode).toBe(204);
    expect((await t.call('DELETE', `${url}/${overrideId}`)).statusCode).toBe(404);
    const after = (await t.call('GET', '/api/v1/schedules/paris-overrides')).json();
    expect(after.definition.overrides).toEqual([]);
  });

  it.skipIf(!available)(
    'cancels a taken swap when its override is removed: its requester is on call again',
    async () => {
      await save('paris-swaps');
      // The responder is on call on Wednesday from 09:00 (Paris) to Thursday 09:00 on the days layer.
      const asked = await t.call('POST', '/api/v1/schedules/paris-swaps/swaps', {
        token: t.users.responder.token,
        body: { startsAt: '2026-03-25T13:00:00Z', endsAt: '2026-03-25T16:00:00Z' },
      });
      expect(asked.statusCode, asked.body).toBe(201);
      const taken = await t.call('POST', `/api/v1/schedules/paris-swaps/swaps/${asked.json().id}/take`);
      expect(taken.statusCode, taken.body).toBe(200);
      const timeline = (await t.call('GET', '/api/v1/schedules/paris-swaps/timeline')).json();
      expect(timeline.overrides[0].swapFrom).toBe('Test responder');
      const removed = await t.call('DELETE', `/api/v1/schedules/paris-swaps/overrides/${taken.json().overrideId}`);
      expect(removed.statusCode).toBe(204);
      const swaps = (await t.call('GET', '/api/v1/schedules/paris-swaps/swaps')).json();
      expect(swaps[0].status).toBe('cancelled');
    },
  );
});
