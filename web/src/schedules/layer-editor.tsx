import type { AdminForm } from '../admin/form-feedback';
import { FieldError } from '../admin/form-feedback';
import { useI18n, type MessageKey } from '../i18n';
import { ParticipantsEditor } from './participants-editor';
import { RestrictionsEditor } from './restrictions-editor';
import type { Person } from './schedule-page';
import type { LayerDraft } from './schedule-draft';
import type { Rotation } from './schedules-types';

/** The rotation kinds and their labels: a kind the server adds is a type error here until it is named. */
const kindLabels: Record<Rotation['kind'], MessageKey> = {
  daily: 'schedules.kind.daily',
  weekly: 'schedules.kind.weekly',
  custom: 'schedules.kind.custom',
};
const kinds = Object.keys(kindLabels) as Rotation['kind'][];

/** One layer: its name, rotation (kind, handoff, length, start), people in order and windows. */
export function LayerEditor({
  layer,
  index,
  count,
  people,
  form,
  onChange,
  onMove,
  onRemove,
}: {
  layer: LayerDraft;
  index: number;
  count: number;
  people: readonly Person[];
  form: AdminForm;
  onChange: (change: Partial<LayerDraft>) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t, language } = useI18n();
  const at = `/definition/layers/${index}`;
  return (
    <fieldset data-testid="layer-editor">
      <legend>{t('schedules.layerN', { n: index + 1, name: layer.name })}</legend>
      <div className="form-row">
        <label className="grow">
          <span>{t('schedules.layerName')}</span>
          <input
            value={layer.name}
            onChange={(e) => onChange({ name: e.target.value })}
            data-testid="layer-name"
            {...form.describe(`${at}/name`)}
          />
          <FieldError form={form} path={`${at}/name`} />
        </label>
        <label>
          <span>{t('schedules.kind')}</span>
          <select
            value={layer.kind}
            onChange={(e) => onChange({ kind: e.target.value as Rotation['kind'] })}
            data-testid="layer-kind"
            {...form.describe(`${at}/rotation`)}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindLabels[kind])}
              </option>
            ))}
          </select>
          <FieldError form={form} path={`${at}/rotation`} />
        </label>
        {layer.kind === 'weekly' && (
          <label>
            <span>{t('schedules.handoffWeekday')}</span>
            <select
              value={layer.handoffWeekday}
              onChange={(e) => onChange({ handoffWeekday: Number(e.target.value) })}
              data-testid="layer-weekday"
            >
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
                    new Date(Date.UTC(2024, 0, day)),
                  )}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <span>{t('schedules.handoffTime')}</span>
          <input
            type="time"
            value={layer.handoffTime}
            onChange={(e) => onChange({ handoffTime: e.target.value })}
            data-testid="layer-handoff"
          />
        </label>
        {layer.kind === 'custom' && (
          <label>
            <span>{t('schedules.lengthHours')}</span>
            <input
              type="number"
              min="0.25"
              step="0.25"
              value={layer.lengthHours}
              onChange={(e) => onChange({ lengthHours: e.target.value })}
              data-testid="layer-length"
            />
          </label>
        )}
        <label>
          <span>{t('schedules.startsAt')}</span>
          <input
            type="datetime-local"
            value={layer.startsAt}
            onChange={(e) => onChange({ startsAt: e.target.value })}
            data-testid="layer-start"
            {...form.describe(`${at}/startsAt`)}
          />
          <FieldError form={form} path={`${at}/startsAt`} />
        </label>
      </div>
      <ParticipantsEditor
        participants={layer.participants}
        people={people}
        onChange={(participants) => onChange({ participants })}
        describedBy={form.describe(`${at}/participants`)}
      />
      <FieldError form={form} path={`${at}/participants`} />
      <RestrictionsEditor restrictions={layer.restrictions} onChange={(restrictions) => onChange({ restrictions })} />
      <FieldError form={form} path={`${at}/restrictions`} />
      <div className="row-actions">
        <button type="button" className="secondary" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('schedules.layerUp', { n: index + 1 })}
        </button>
        <button type="button" className="secondary" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('schedules.layerDown', { n: index + 1 })}
        </button>
        <button type="button" className="secondary" onClick={onRemove}>
          {t('schedules.layerRemove', { n: index + 1 })}
        </button>
      </div>
    </fieldset>
  );
}
