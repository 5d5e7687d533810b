import { useEffect, useId, useRef, useState } from 'react';
import { errorText } from '../format';
import { useI18n } from '../i18n';

interface ConfirmButtonProps {
  /** The action's name on the first button ("Revoke"). */
  label: string;
  /** The question asked before it is done, naming what it is done to. */
  question: string;
  /** The second button's label ("Yes, revoke"). */
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  testId: string;
  danger?: boolean;
}

/**
 * A button for what cannot be undone (revoke, deactivate, disable, expire): the first press asks,
 * in the page, the second does it. No `window.confirm`: it blocks the page, cannot be styled for
 * the night theme, and screen readers announce an inline question just as well.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, testId, danger = true }: ConfirmButtonProps) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const questionId = useId();

  useEffect(() => {
    // Focus follows the question, and comes back to the first button when it is answered "no".
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setAsking(false);
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };

  if (!asking) {
    return (
      <button ref={openRef} type="button" className="secondary" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    // The group is named by the question: moving focus to "Yes" reads it out first.
    <span className="confirm" role="group" aria-labelledby={questionId}>
      <span className="confirm-question" id={questionId}>
        {question}
      </span>
      <button
        ref={confirmRef}
        type="button"
        className={danger ? 'danger' : undefined}
        disabled={busy}
        onClick={() => void confirm()}
        data-testid={`${testId}-confirm`}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => setAsking(false)}
        data-testid={`${testId}-cancel`}
      >
        {t('admin.cancel')}
      </button>
      {error !== null && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
