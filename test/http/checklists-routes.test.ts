import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { testBackends } from '../support/test-database.js';

interface Event {
  seq: number;
  type: string;
  occurredAt: string;
  actor: { type: string; id: string | null; name: string };
  payload: Record<string, unknown>;
}

describe.each(testBackends)('checklists API on $backend', ({ backend, available }) => {
  const t = useTestApp(backend, available);

  const declare = async (title: string): Promise<string> =>
    (await t.call('POST', '/api/v1/incidents', { body: { title } })).json().id;
  const template = (id: string, texts: string[]) => ({
    id,
    name: `Template ${id}`,
    items: texts.map((text) => ({ text })),
  });

  it.skipIf(!available)('creates, shows, lists and changes checklist templates', async () => {
    const created = await t.call('POST', '/api/v1/checklist-templates', {
      body: { ...template('first-hour', ['Page the commander', 'Open a bridge']), description: 'P1' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'first-hour',
      name: 'Template first-hour',
      description: 'P1',
      items: [{ text: 'Page the commander' }, { text: 'Open a bridge' }],
    });
    const shown = await t.call('GET', '/api/v1/checklist-templates/first-hour', { token: t.users.viewer.token });
    expect(shown.json()).toEqual(created.json());
    const listed = (await t.call('GET', '/api/v1/checklist-templates', { token: t.users.viewer.token })).json();
    expect(listed.map((x: { id: string }) => x.id)).toContain('first-hour');
    const changed = await t.call('PATCH', '/api/v1/checklist-templates/first-hour', {
      body: { name: 'First hour', items: [{ text: 'Only step' }] },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'First hour', description: 'P1', items: [{ text: 'Only step' }] });
  });

  it.skipIf(!available)('refuses a duplicate template id, unknown ids and invalid templates', async () => {
    expect((await t.call('POST', '/api/v1/checklist-templates', { body: template('twice', ['a']) })).statusCode).toBe(
      201,
    );
    const again = await t.call('POST', '/api/v1/checklist-templates', { body: template('twice', ['b']) });
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toEqual({ id: 'twice' });
    expect((await t.call('GET', '/api/v1/checklist-templates/missing')).statusCode).toBe(404);
    expect((await t.call('PATCH', '/api/v1/checklist-templates/missing', { body: { name: 'x' } })).statusCode).toBe(
      404,
    );
    const cases: [unknown, string][] = [
      [{ ...template('empty', []) }, '/items'],
      [
        {
          ...template(
            'too-many',
            Array.from({ length: 201 }, (_, i) => `step ${i}`),
          ),
        },
        '/items',
      ],
      [{ ...template('blank-item', ['']) }, '/items/0/text'],
      [{ ...template('Not A Slug', ['a']) }, '/id'],
      [{ id: 'no-name', items: [{ text: 'a' }] }, '/name'],
    ];
    for (const [body, path] of cases) {
      const response = await t.call('POST', '/api/v1/checklist-templates', { body });
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.json().details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(
      (
        await t.call('POST', '/api/v1/checklist-templates', {
          body: template(
            'max-size',
            Array.from({ length: 200 }, (_, i) => `step ${i}`),
          ),
        })
      ).statusCode,
    ).toBe(201);
  });

  it.skipIf(!available)('lets only admins write templates', async () => {
    for (const role of ['viewer', 'responder'] as const) {
      const response = await t.call('POST', '/api/v1/checklist-templates', {
        token: t.users[role].token,
        body: template(`by-${role}`, ['a']),
      });
      expect(response.statusCode).toBe(403);
      expect(
        (
          await t.call('PATCH', '/api/v1/checklist-templates/first-hour', {
            token: t.users[role].token,
            body: { name: 'x' },
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it.skipIf(!available)('attaches a copy of a template that later template edits leave alone', async () => {
    await t.call('POST', '/api/v1/checklist-templates', {
      body: template('db-failover', ['Freeze writes', 'Promote replica', 'Repoint app']),
    });
    const id = await declare('Primary DB lost');
    const attached = await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
      token: t.users.responder.token,
      body: { templateId: 'db-failover' },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const checklist = attached.json();
    expect(checklist).toMatchObject({
      incidentId: id,
      templateId: 'db-failover',
      name: 'Template db-failover',
      progress: { checked: 0, total: 3 },
      items: [
        { position: 1, text: 'Freeze writes', checked: false, checkedAt: null, checkedBy: null },
        { position: 2, text: 'Promote replica', checked: false },
        { position: 3, text: 'Repoint app', checked: false },
      ],
    });
    await t.call('PATCH', '/api/v1/checklist-templates/db-failover', { body: { items: [{ text: 'Something else' }] } });
    const listed = (await t.call('GET', `/api/v1/incidents/${id}/checklists`)).json();
    expect(listed).toEqual([checklist]);
    const events: Event[] = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json();
    expect(events[1]).toMatchObject({
      type: 'checklist_attached',
      actor: { type: 'user', id: t.users.responder.id, name: 'Test responder' },
      payload: {
        checklistId: checklist.id,
        name: 'Template db-failover',
        items: [
          { position: 1, text: 'Freeze writes' },
          { position: 2, text: 'Promote replica' },
          { position: 3, text: 'Repoint app' },
        ],
      },
    });
  });

  it.skipIf(!available)('attaches an ad-hoc checklist given inline, under a chosen name', async () => {
    const id = await declare('Ad hoc');
    const attached = await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
      body: { name: 'Comms', items: [{ text: 'Tell support' }, { text: 'Update status page' }] },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json()).toMatchObject({ templateId: null, name: 'Comms', progress: { checked: 0, total: 2 } });
  });

  it.skipIf(!available)(
    'refuses to attach without exactly one source, or from an unknown template or incident',
    async () => {
      const id = await declare('Bad attach');
      const neither = await t.call('POST', `/api/v1/incidents/${id}/checklists`, { body: { name: 'x' } });
      expect(neither.statusCode).toBe(400);
      expect(neither.json().details.issues[0].path).toBe('/templateId');
      const both = await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
        body: { templateId: 'any-template', items: [{ text: 'a' }] },
      });
      expect(both.statusCode).toBe(400);
      expect(both.json().details.issues[0].path).toBe('/items');
      const unnamed = await t.call('POST', `/api/v1/incidents/${id}/checklists`, { body: { items: [{ text: 'a' }] } });
      expect(unnamed.json().details.issues[0].path).toBe('/name');
      const unknown = await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
        body: { templateId: 'no-such-template' },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().details.issues[0].path).toBe('/templateId');
      const noIncident = await t.call('POST', '/api/v1/incidents/INC-99999/checklists', {
        body: { name: 'x', items: [{ text: 'a' }] },
      });
      expect(noIncident.statusCode).toBe(404);
      expect((await t.call('GET', '/api/v1/incidents/INC-99999/checklists')).statusCode).toBe(404);
      expect((await t.call('GET', `/api/v1/incidents/${id}/checklists`)).json()).toEqual([]);
      expect((await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json()).toHaveLength(1);
    },
  );

  it.skipIf(!available)('checks and unchecks items, recording who and when in the timeline', async () => {
    const id = await declare('Checking');
    const checklist = (
      await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
        body: { name: 'Steps', items: [{ text: 'Restart' }, { text: 'Verify' }] },
      })
    ).json();
    const item = `/api/v1/incidents/${id}/checklists/${checklist.id}/items`;
    const checked = await t.call('PUT', `${item}/2`, {
      token: t.users.responder.token,
      body: { checked: true, note: 'p99 back to 80 ms' },
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const after = checked.json();
    expect(after.progress).toEqual({ checked: 1, total: 2 });
    expect(after.items[1]).toMatchObject({ position: 2, checked: true, checkedBy: 'Test responder' });
    expect(Math.abs(Date.parse(after.items[1].checkedAt) - Date.now())).toBeLessThan(60_000);

    const twice = await t.call('PUT', `${item}/2`, { body: { checked: true } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details).toMatchObject({
      position: 2,
      checkedBy: 'Test responder',
      checkedAt: after.items[1].checkedAt,
    });

    const unchecked = await t.call('PUT', `${item}/2`, { body: { checked: false } });
    expect(unchecked.json().items[1]).toMatchObject({ checked: false, checkedAt: null, checkedBy: null });
    expect((await t.call('PUT', `${item}/2`, { body: { checked: false } })).statusCode).toBe(409);

    const events: Event[] = (await t.call('GET', `/api/v1/incidents/${id}/timeline`)).json();
    expect(events.map((e) => e.type)).toEqual([
      'incident_declared',
      'checklist_attached',
      'checklist_item_checked',
      'checklist_item_unchecked',
    ]);
    expect(events[2]).toMatchObject({
      occurredAt: after.items[1].checkedAt,
      actor: { type: 'user', id: t.users.responder.id, name: 'Test responder' },
      payload: { checklistId: checklist.id, position: 2, text: 'Verify', note: 'p99 back to 80 ms' },
    });
    expect(events[3]).toMatchObject({
      actor: { id: t.users.admin.id },
      payload: { checklistId: checklist.id, position: 2, text: 'Verify' },
    });
    expect(events[3]!.payload).not.toHaveProperty('note');
    const verification = (await t.call('GET', `/api/v1/incidents/${id}/timeline/verification`)).json();
    expect(verification).toEqual({ consistent: true, events: 4, differences: [] });
  });

  it.skipIf(!available)('answers 404 for an unknown checklist or position and 400 for malformed ones', async () => {
    const id = await declare('Missing items');
    const other = await declare('Other incident');
    const checklist = (
      await t.call('POST', `/api/v1/incidents/${id}/checklists`, { body: { name: 'One', items: [{ text: 'only' }] } })
    ).json();
    expect(
      (await t.call('PUT', `/api/v1/incidents/${id}/checklists/${checklist.id}/items/2`, { body: { checked: true } }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.call('PUT', `/api/v1/incidents/${other}/checklists/${checklist.id}/items/1`, {
          body: { checked: true },
        })
      ).statusCode,
    ).toBe(404);
    const unknownList = await t.call(
      'PUT',
      `/api/v1/incidents/${id}/checklists/00000000-0000-4000-8000-000000000000/items/1`,
      { body: { checked: true } },
    );
    expect(unknownList.statusCode).toBe(404);
    const badId = await t.call('PUT', `/api/v1/incidents/${id}/checklists/not-a-uuid/items/1`, {
      body: { checked: true },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().details.issues[0].path).toBe('/params/checklistId');
    const badPosition = await t.call('PUT', `/api/v1/incidents/${id}/checklists/${checklist.id}/items/0`, {
      body: { checked: true },
    });
    expect(badPosition.json().details.issues[0].path).toBe('/params/position');
    const noChecked = await t.call('PUT', `/api/v1/incidents/${id}/checklists/${checklist.id}/items/1`, {
      body: { note: 'x' },
    });
    expect(noChecked.statusCode).toBe(400);
    expect(noChecked.json().details.issues[0].path).toBe('/checked');
  });

  it.skipIf(!available)('lets viewers read checklists but not attach or check them', async () => {
    const id = await declare('Viewer');
    const checklist = (
      await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
        body: { name: 'V', items: [{ text: 'a' }, { text: 'b' }] },
      })
    ).json();
    await t.call('PUT', `/api/v1/incidents/${id}/checklists/${checklist.id}/items/1`, { body: { checked: true } });
    const token = t.users.viewer.token;
    const listed = await t.call('GET', `/api/v1/incidents/${id}/checklists`, { token });
    expect(listed.statusCode).toBe(200);
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [t.users.admin.id]);
    expect(listed.json()[0]).toMatchObject({
      progress: { checked: 1, total: 2 },
      items: [{ checked: true, checkedBy: rows[0]!.name }, { checked: false }],
    });
    expect(
      (
        await t.call('POST', `/api/v1/incidents/${id}/checklists`, {
          token,
          body: { name: 'x', items: [{ text: 'a' }] },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.call('PUT', `/api/v1/incidents/${id}/checklists/${checklist.id}/items/2`, {
          token,
          body: { checked: true },
        })
      ).statusCode,
    ).toBe(403);
  });
});
