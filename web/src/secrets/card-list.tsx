import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import type { Resource } from '../use-resource';

/**
 * A page's list of cards under its heading: loading, the load's failure with a retry, what to
 * say when there is none (`empty`), else one card per item (each an `li`, keyed by its renderer).
 */
export function CardList<T>({
  resource,
  heading,
  empty,
  testId,
  children,
}: {
  resource: Resource<T[]>;
  heading: string;
  empty: string;
  testId: string;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <LoadError error={resource.error} onRetry={resource.reload} />
      <h2>{heading}</h2>
      {resource.data === null ? (
        resource.error === null && <p>{t('app.loading')}</p>
      ) : resource.data.length === 0 ? (
        <p data-testid={`${testId}-empty`}>{empty}</p>
      ) : (
        <ul className="secret-cards" data-testid={`${testId}-list`}>
          {resource.data.map(children)}
        </ul>
      )}
    </>
  );
}

/** What the last change did, said once under the add form (empty: nothing to say). */
export function Notice({ text, testId }: { text: string; testId: string }) {
  return (
    <p className="success-inline secret-notice" role="status" data-testid={testId} hidden={text === ''}>
      {text}
    </p>
  );
}

/**
 * The notice a page shows after a change, and what its add form and cards call once they changed
 * something: say it (`''`: say nothing), and load the list again.
 */
export function useChangeNotice(resource: Pick<Resource<unknown>, 'reload'>): {
  notice: string;
  changed: (text: string) => void;
} {
  const [notice, setNotice] = useState('');
  return {
    notice,
    changed: (text) => {
      setNotice(text);
      void resource.reload();
    },
  };
}
