import { lazy, Suspense, type ComponentType } from 'react';
import { useI18n } from './i18n';

function PageLoading() {
  const { t } = useI18n();
  return <p>{t('app.loading')}</p>;
}

/**
 * A page whose code is fetched the first time it is shown: pages only admins open (editing a
 * service, teams) stay out of the bundle every phone loads at sign-in. `load` is a dynamic
 * import picking the component, e.g. `() => import('./teams-page').then((m) => m.TeamsPage)`.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
