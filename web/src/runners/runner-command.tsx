import { useRef, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * The command that starts the new runner, ready to paste on its host. A text area rather than a
 * one-line field: on a phone the whole command wraps into view, and it can be read before it is
 * run. Copy falls back to selecting it (no clipboard on a plain-http page not on localhost).
 */
export function RunnerCommand({ command }: { command: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
    } catch {
      fieldRef.current?.select();
      setCopied(false);
    }
  };

  return (
    <div className="runner-command">
      <label>
        <span>{t('runners.command')}</span>
        <textarea
          ref={fieldRef}
          readOnly
          rows={3}
          value={command}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
          data-testid="runner-command"
        />
        <span className="hint">{t('runners.commandHint')}</span>
      </label>
      <button type="button" onClick={() => void copy()} data-testid="runner-command-copy">
        {t('runners.copyCommand')}
      </button>
      <p role="status" className="secret-copied">
        {copied ? t('runners.commandCopied') : ''}
      </p>
    </div>
  );
}
