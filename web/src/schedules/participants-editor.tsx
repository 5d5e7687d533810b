import { useState } from 'react';
import { useI18n } from '../i18n';
import type { Person } from './schedule-page';

/** Moves item `index` by `step` (−1 up, +1 down) in a copy of the list. */
export function moved<T>(items: readonly T[], index: number, step: -1 | 1): T[] {
  const copy = [...items];
  const target = index + step;
  if (target < 0 || target >= copy.length) return copy;
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/** A rotation's people in order (who is first, second …), added from the active users. */
export function ParticipantsEditor({
  participants,
  people,
  onChange,
  describedBy,
}: {
  participants: readonly string[];
  people: readonly Person[];
  onChange: (participants: string[]) => void;
  describedBy: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(people[0]?.id ?? '');
  const nameOf = (userId: string) => people.find((person) => person.id === userId)?.name ?? userId;
  return (
    <fieldset>
      <legend>{t('schedules.participants')}</legend>
      {participants.length === 0 ? (
        <p className="hint">{t('schedules.participantsEmpty')}</p>
      ) : (
        <ol className="ordered-people" data-testid="participants">
          {participants.map((userId, index) => (
            <li key={`${userId}-${index}`}>
              {nameOf(userId)}{' '}
              <span className="row-actions">
                <button
                  type="button"
                  className="secondary"
                  disabled={index === 0}
                  aria-label={t('schedules.moveUp', { name: nameOf(userId) })}
                  onClick={() => onChange(moved(participants, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={index === participants.length - 1}
                  aria-label={t('schedules.moveDown', { name: nameOf(userId) })}
                  onClick={() => onChange(moved(participants, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('schedules.removeName', { name: nameOf(userId) })}
                  onClick={() => onChange(participants.filter((_, at) => at !== index))}
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="form-row">
        <label>
          <span>{t('schedules.participantAdd')}</span>
          <select
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            data-testid="participant-select"
            {...describedBy}
          >
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          disabled={adding === ''}
          onClick={() => onChange([...participants, adding])}
          data-testid="participant-add"
        >
          {t('schedules.participantAddButton')}
        </button>
      </div>
    </fieldset>
  );
}
