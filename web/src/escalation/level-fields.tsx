import { useState } from 'react';
import { useI18n } from '../i18n';
import { targetText } from '../services/name-directory';
import { targetTypes, type EscalationLevel, type EscalationTarget, type NameDirectory } from './escalation-types';

type TargetType = EscalationTarget['type'];

const directoryOf = (directory: NameDirectory, type: TargetType): ReadonlyMap<string, string> =>
  type === 'user' ? directory.users : type === 'team' ? directory.teams : directory.schedules;

/**
 * One level of the editor: its delay, whom it pages (each removable), a picker to add someone,
 * and buttons to move or remove the level. Every control is a real button or field, named with
 * the level's number, so that a screen reader and the keyboard need nothing else.
 */
export function LevelFields({
  level,
  index,
  count,
  directory,
  onChange,
  onMove,
  onRemove,
}: {
  level: EscalationLevel;
  index: number;
  count: number;
  directory: NameDirectory;
  onChange: (level: EscalationLevel) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const n = index + 1;
  const [type, setType] = useState<TargetType>('schedule');
  const choices = [...directoryOf(directory, type)].filter(
    ([id]) => !level.targets.some((target) => target.type === type && target.id === id),
  );
  const [picked, setPicked] = useState('');
  const chosen = choices.some(([id]) => id === picked) ? picked : (choices[0]?.[0] ?? '');
  const add = () => {
    if (chosen === '') return;
    onChange({ ...level, targets: [...level.targets, { type, id: chosen }] });
    setPicked('');
  };
  const remove = (at: number) => onChange({ ...level, targets: level.targets.filter((_, i) => i !== at) });

  return (
    <fieldset className="level-fields" data-testid="level-fields" data-level={n}>
      <legend>{t('escalation.level', { n })}</legend>
      <label>
        <span>{index === 0 ? t('escalation.delayFirst') : t('escalation.delay')}</span>
        <input
          type="number"
          min={0}
          max={10080}
          inputMode="numeric"
          value={level.delayMinutes}
          onChange={(event) => onChange({ ...level, delayMinutes: Math.max(0, Number(event.target.value) || 0) })}
          data-testid="level-delay"
        />
      </label>
      <p className="level-targets-title">{t('escalation.targets')}</p>
      {level.targets.length === 0 ? (
        <p className="empty">{t('escalation.noTargets')}</p>
      ) : (
        <ul className="level-target-list">
          {level.targets.map((target, at) => {
            const name = targetText(target, directory, t);
            return (
              <li key={`${target.type}:${target.id}`} data-testid="level-target">
                <span>{name}</span>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => remove(at)}
                  aria-label={t('escalation.removeTarget', { name, n })}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-row target-picker">
        <label>
          <span>{t('escalation.targetType')}</span>
          <select
            value={type}
            onChange={(event) => setType(event.target.value as TargetType)}
            data-testid="target-type"
          >
            {targetTypes.map((value) => (
              <option key={value} value={value}>
                {t(`escalation.type.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          <span>{t('escalation.target')}</span>
          <select value={chosen} onChange={(event) => setPicked(event.target.value)} data-testid="target-id">
            {choices.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={add} disabled={chosen === ''} data-testid="target-add">
          {t('escalation.addTarget', { n })}
        </button>
      </div>
      <div className="row-actions">
        <button type="button" className="secondary" onClick={() => onMove(-1)} disabled={index === 0}>
          {t('escalation.moveUp', { n })}
        </button>
        <button type="button" className="secondary" onClick={() => onMove(1)} disabled={index === count - 1}>
          {t('escalation.moveDown', { n })}
        </button>
        <button type="button" className="secondary" onClick={onRemove} disabled={count === 1}>
          {t('escalation.removeLevel', { n })}
        </button>
      </div>
    </fieldset>
  );
}
