import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface SecretRevealProps {
  /** What the secret is ("API token for jdoe"). */
  title: string;
  secret: string;
  /** More to copy along with it (an integration's URL), shown above the secret. */
  extra?: { label: string; value: string; testId: string } | undefined;
  testId: string;
  onDone: () => void;
  /** What to do with it, shown before the secret itself: a runner's start command, which holds it. */
  children?: ReactNode;
}

/**
 * A secret the server shows once (a token's, an integration's key): it is only in this page's
 * memory, so it is said plainly that it will not be shown again, and offered for copying.
 */
export function SecretReveal({ title, secret, extra, testId, onDone, children }: SecretRevealProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // Whoever just created it is taken to it: it is the one thing to act on now.
    headingRef.current?.focus();
  }, [secret]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard (an http page not on localhost, a refusal): select it for Ctrl+C instead.
      fieldRef.current?.select();
      setCopied(false);
    }
  };

  return (
    <section className="secret-reveal" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 id={`${testId}-heading`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <p className="secret-warning" role="alert">
        {t('admin.secret.once')}
      </p>
      {children}
      {extra !== undefined && (
        <label>
          <span>{extra.label}</span>
          <input readOnly value={extra.value} onFocus={(event) => event.target.select()} data-testid={extra.testId} />
        </label>
      )}
      <div className="form-row">
        <label className="grow">
          <span>{t('admin.secret.label')}</span>
          <input
            ref={fieldRef}
            readOnly
            value={secret}
            className="secret-value"
            spellCheck={false}
            onFocus={(event) => event.target.select()}
            data-testid={`${testId}-value`}
          />
        </label>
        <button type="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {t('admin.secret.copy')}
        </button>
        <button type="button" className="secondary" onClick={onDone} data-testid={`${testId}-done`}>
          {t('admin.secret.done')}
        </button>
      </div>
      <p role="status" className="secret-copied">
        {copied ? t('admin.secret.copied') : ''}
      </p>
    </section>
  );
}
