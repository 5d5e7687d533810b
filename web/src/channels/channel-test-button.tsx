import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n';
import { useAction } from '../use-action';
import type { ChannelRecord, ChannelTest } from './channels-types';

/**
 * Sends a test message through the channel, to the admin pressing it (their e-mail or phone; chat
 * channels post where they always do), and shows what came of it: sent, or the receiver's answer.
 * The outcome is read out (a live region) since it comes seconds after the press.
 */
export function ChannelTestButton({ channel }: { channel: ChannelRecord }) {
  const { t } = useI18n();
  const action = useAction();
  const [result, setResult] = useState<ChannelTest | null>(null);
  const send = () =>
    action.run(async () => {
      setResult(null);
      setResult(await api<ChannelTest>('POST', `/api/v1/notification-channels/${encodeURIComponent(channel.id)}/test`));
    });
  return (
    <div className="channel-test">
      <button
        type="button"
        onClick={() => void send()}
        disabled={action.busy}
        aria-label={t('channels.testLabel', { name: channel.name })}
        data-testid="channel-test"
      >
        {action.busy ? t('channels.testing') : t('channels.test')}
      </button>
      <p className="channel-test-outcome" role="status" data-testid="channel-test-outcome">
        {result === null ? (
          (action.error ?? '')
        ) : result.outcome === 'sent' ? (
          <span className="success-inline" data-outcome="sent">
            {t('channels.testSent', { to: result.to === null ? '' : t('channels.testTo', { to: result.to }) })}
            {result.warning !== undefined && (
              <strong className="field-error" data-testid="channel-test-warning">
                {' '}
                {t('channels.testWarning', { warning: result.warning })}
              </strong>
            )}
          </span>
        ) : (
          <span className="field-error" data-outcome="failed">
            {t('channels.testFailed', { error: result.error ?? `HTTP ${result.status ?? '?'}` })}
            {result.retryable ? ` ${t('channels.testRetryable')}` : ''}
          </span>
        )}
      </p>
    </div>
  );
}
