import { useSyncExternalStore, type ReactNode } from 'react';
import './phone-fold.css';

/** The width from which the console lays pages out for a desktop (the same breakpoint as styles.css). */
const wideQuery = '(min-width: 64rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(wideQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the screen is desktop-wide, following rotations and resized windows. */
function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(wideQuery).matches);
}

/**
 * What a phone folds away so that the first screen shows what the page is for (the incidents, not the forms above
 * them): a disclosure, closed on a phone and open on a desktop, where its summary is hidden and the content shows
 * as if it were not folded. `<details>` keeps it keyboard-usable and announced as expanded or collapsed for free.
 */
export function PhoneFold({ summary, testId, children }: { summary: string; testId: string; children: ReactNode }) {
  const wide = useWideScreen();
  return (
    <details className="phone-fold" open={wide} data-testid={testId}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
