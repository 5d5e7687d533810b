import { useId } from 'react';
import { formatTime } from '../format';
import { useI18n } from '../i18n';
import type { RunbookVersion } from './runbook-types';

/**
 * Which version of the runbook is shown. A select rather than links: the list can be long, and
 * arrow keys walk through the versions one by one.
 */
export function VersionPicker({
  versions,
  shown,
  onPick,
}: {
  versions: readonly RunbookVersion[];
  shown: number;
  onPick: (version: number) => void;
}) {
  const { language, t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('runbooks.pickVersion')}
      </label>
      <select
        id={id}
        value={shown}
        data-testid="runbook-version-picker"
        onChange={(event) => onPick(Number(event.target.value))}
      >
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {t('runbooks.versionOption', { version: version.version, date: formatTime(version.createdAt, language) })}
          </option>
        ))}
      </select>
    </>
  );
}
