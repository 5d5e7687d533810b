import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A counter for "something this page shows has changed": panels that read more than the stream
 * sends put it in their effect dependencies and read again when it moves. Changes come in bursts
 * (a running step adds output events several times a second), so the moves are coalesced to at
 * most one per `delayMs`, or each burst would refetch every run, checklist or service summary.
 */
export function useChangeCounter(delayMs = 500): { changes: number; noteChange: () => void } {
  const [changes, setChanges] = useState(0);
  const pending = useRef<number | undefined>(undefined);
  const noteChange = useCallback(() => {
    if (pending.current !== undefined) return;
    pending.current = window.setTimeout(() => {
      pending.current = undefined;
      setChanges((count) => count + 1);
    }, delayMs);
  }, [delayMs]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  return { changes, noteChange };
}
