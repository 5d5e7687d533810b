import { useCallback, useState } from 'react';
import { errorText } from './format';
import { useI18n } from './i18n';

/** A button's call to the server: whether it is under way, and the error it ended with. */
export interface Action {
  busy: boolean;
  error: string | null;
  /** Runs `work` unless one is under way; true when it succeeded. The error, if any, is kept in words. */
  run: (work: () => Promise<void>) => Promise<boolean>;
}

/**
 * The state every form of the console keeps around one call: disable while it runs (a second
 * click would send it twice), show its failure in words, clear it at the next try.
 */
export function useAction(): Action {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await work();
        return true;
      } catch (failure) {
        setError(errorText(failure, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run };
}
