import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import type { Integration } from './admin-types';
import { senderSnippets, type SenderSnippet } from './sender-config';

/** One snippet, readable and selectable on a phone, with its copy button (selection when there is no clipboard). */
function Snippet({ snippet }: { snippet: SenderSnippet }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const title = t(`integration.snippet.${snippet.id}` as MessageKey);
  const id = `sender-snippet-${snippet.id}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet.text);
      setCopied(true);
    } catch {
      const code = document.getElementById(id);
      if (code !== null) window.getSelection()?.selectAllChildren(code);
      setCopied(false);
    }
  };

  return (
    <figure className="sender-snippet" data-testid="sender-snippet" data-snippet={snippet.id}>
      <figcaption>{title}</figcaption>
      <pre tabIndex={0} aria-label={title}>
        <code id={id} className={`language-${snippet.language}`}>
          {snippet.text}
        </code>
      </pre>
      <button
        type="button"
        className="secondary"
        aria-label={t('integration.copyLabel', { name: title })}
        onClick={() => void copy()}
        data-testid="sender-snippet-copy"
      >
        {t('integration.copy')}
      </button>
      <p role="status" className="secret-copied">
        {copied ? t('integration.copied') : ''}
      </p>
    </figure>
  );
}

/**
 * What to paste into the sender's configuration, for this integration's kind: the real URL (the
 * console's origin — the address senders reach too, unless a proxy says otherwise) and
 * `YOUR_KEY` where the key goes, since the key is shown once and never again.
 */
export function IntegrationSenderConfig({ integration }: { integration: Integration }) {
  const { t } = useI18n();
  return (
    <section className="sender-config" aria-labelledby="sender-config-title">
      <h2 id="sender-config-title">{t('integration.sender')}</h2>
      <p className="hint">{t('integration.senderHint')}</p>
      {senderSnippets(integration).map((snippet) => (
        <Snippet key={snippet.id} snippet={snippet} />
      ))}
    </section>
  );
}
