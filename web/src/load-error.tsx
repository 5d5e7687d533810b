import { useI18n } from './i18n';

/**
 * A load that failed (`useResource`'s `error`), with a retry; nothing when there is none. A page
 * showing several resources passes the first error and a retry of them all.
 */
export function LoadError({ error, onRetry }: { error: string | null; onRetry: () => unknown }) {
  const { t } = useI18n();
  if (error === null) return null;
  return (
    <div className="error" role="alert">
      {error}{' '}
      <button type="button" onClick={() => void onRetry()}>
        {t('common.retry')}
      </button>
    </div>
  );
}
