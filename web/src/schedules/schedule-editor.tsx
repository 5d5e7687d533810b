import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { FieldError, FormError, useAdminForm } from '../admin/form-feedback';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { LayerEditor } from './layer-editor';
import { moved } from './participants-editor';
import type { Person } from './schedule-page';
import { definitionOf, newLayer, type LayerDraft, type ScheduleDraft } from './schedule-draft';
import { scheduleApi, schedulePath } from './schedule-paths';
import { SchedulePreview } from './schedule-preview';
import type { ScheduleRecord } from './schedules-types';

const zones = Intl.supportedValuesOf('timeZone');

/** The paths the server may name in a refusal, so each message lands next to its field. */
function fieldsOf(draft: ScheduleDraft): string[] {
  const layerFields = ['name', 'rotation', 'startsAt', 'participants', 'restrictions'];
  return [
    '/id',
    '/name',
    '/definition/timeZone',
    ...draft.layers.flatMap((_, index) => layerFields.map((field) => `/definition/layers/${index}/${field}`)),
  ];
}

/**
 * A schedule's name, zone and ordered layers, with the preview of what they give below. Saving
 * replaces the whole definition (`PUT`), overrides included as they were loaded.
 */
export function ScheduleEditor({
  initial,
  people,
  isNew,
}: {
  initial: ScheduleDraft;
  people: readonly Person[];
  isNew: boolean;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const form = useAdminForm(fieldsOf(draft));
  const setLayers = (layers: LayerDraft[]) => setDraft({ ...draft, layers });
  const changeLayer = (index: number, change: Partial<LayerDraft>) =>
    setLayers(draft.layers.map((layer, at) => (at === index ? { ...layer, ...change } : layer)));

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await form.submit(async () => {
      if (isNew) {
        // PUT creates or replaces: a new schedule must not silently replace one with its id.
        const existing = await api('GET', scheduleApi(draft.id)).then(
          () => true,
          (error: unknown) => {
            if (error instanceof ApiError && error.status === 404) return false;
            throw error;
          },
        );
        if (existing) throw new ApiError(t('schedules.idTaken', { id: draft.id }), 409, 'conflict', { field: '/id' });
      }
      const saved = await api<ScheduleRecord>('PUT', scheduleApi(draft.id), {
        name: draft.name.trim(),
        teamId: draft.teamId,
        definition: definitionOf(draft),
      });
      navigate(schedulePath(saved.id));
    });
  };

  return (
    <form
      ref={form.formRef}
      className="admin-form"
      onSubmit={(event) => void save(event)}
      aria-label={t('schedules.editTitle')}
      noValidate
    >
      <div className="form-row">
        {isNew && (
          <label>
            <span>{t('schedules.id')}</span>
            <input
              required
              value={draft.id}
              onChange={(e) => setDraft({ ...draft, id: e.target.value })}
              data-testid="schedule-id"
              {...form.describe('/id')}
            />
            <span className="hint">{t('schedules.idHint')}</span>
            <FieldError form={form} path="/id" />
          </label>
        )}
        <label className="grow">
          <span>{t('schedules.name')}</span>
          <input
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            data-testid="schedule-name"
            {...form.describe('/name')}
          />
          <FieldError form={form} path="/name" />
        </label>
        <label>
          <span>{t('schedules.timeZone')}</span>
          <input
            list="schedule-zones"
            required
            value={draft.timeZone}
            onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
            data-testid="schedule-zone"
            {...form.describe('/definition/timeZone')}
          />
          <datalist id="schedule-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <FieldError form={form} path="/definition/timeZone" />
        </label>
      </div>
      <h2>{t('schedules.layers')}</h2>
      <p className="hint">{t('schedules.layersHint')}</p>
      {draft.layers.map((layer, index) => (
        <LayerEditor
          key={layer.key}
          layer={layer}
          index={index}
          count={draft.layers.length}
          people={people}
          form={form}
          onChange={(change) => changeLayer(index, change)}
          onMove={(step) => setLayers(moved(draft.layers, index, step))}
          onRemove={() => setLayers(draft.layers.filter((_, at) => at !== index))}
        />
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => setLayers([...draft.layers, newLayer(draft.timeZone, draft.layers.length)])}
        data-testid="layer-add"
      >
        {t('schedules.layerAdd')}
      </button>
      <SchedulePreview draft={draft} />
      <FormError form={form} />
      <button type="submit" disabled={form.busy} data-testid="schedule-save">
        {form.busy ? t('admin.saving') : t('schedules.save')}
      </button>
    </form>
  );
}
