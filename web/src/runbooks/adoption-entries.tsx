import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { DraftAdoption } from './runbook-types';

/**
 * What an adoption does (or did) thing by thing — created, changed, already there, left out with
 * why — with what the document left to fill. `link` turns an entry's thing into a link (a
 * probe's page) once it has an id.
 */
export function AdoptionEntries({
  entries,
  link,
}: {
  entries: DraftAdoption['entries'];
  link?: (id: string, text: string) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="adoption-entries-title">{t('runbooks.adopt.entries')}</h3>
      <ul className="adoption-entries">
        {entries.map((entry, index) => (
          <li key={index} data-testid="adoption-entry" data-action={entry.action}>
            <strong>{t(`runbooks.adopt.action.${entry.action}`)}</strong>{' '}
            {entry.id !== null && link !== undefined ? link(entry.id, entry.target) : entry.target} — {entry.detail}
            {entry.warnings.map((warning) => (
              <span key={warning} className="adoption-warning">
                {t('runbooks.adopt.warning', { text: warning })}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

/** How many things an adoption created or changed. */
export const changedCount = (report: Pick<DraftAdoption, 'entries'>): number =>
  report.entries.filter((entry) => entry.action === 'create' || entry.action === 'update').length;
