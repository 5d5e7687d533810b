import { useState } from 'react';
import { api } from '../api';
import { ConfirmButton } from '../admin/confirm-button';
import { useI18n } from '../i18n';
import { ChannelForm } from './channel-form';
import { ChannelTestButton } from './channel-test-button';
import type { ChannelKindInfo, ChannelRecord } from './channels-types';

/**
 * One channel: its name, kind and state, and what can be done with it — test it, edit it (the
 * form takes the card's place), delete it (asked first; the server refuses a channel with
 * deliveries on record, and says so here).
 */
export function ChannelCard({
  channel,
  kinds,
  onChanged,
}: {
  channel: ChannelRecord;
  kinds: readonly ChannelKindInfo[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const label = kinds.find((info) => info.kind === channel.kind)?.label ?? channel.kind;
  const paused = channel.breaker['state'] === 'open';
  if (editing)
    return (
      <li className="channel-card" data-testid="channel-card" data-channel-id={channel.id}>
        <ChannelForm
          kinds={kinds}
          existing={channel}
          onSaved={() => {
            setEditing(false);
            void onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  return (
    <li className="channel-card" data-testid="channel-card" data-channel-id={channel.id}>
      <h2>{channel.name}</h2>
      <p className="channel-facts">
        <span>{label}</span> · <code>{channel.id}</code> ·{' '}
        <span data-testid="channel-state">
          {channel.enabled ? t('channels.enabled') : t('channels.disabled')}
          {paused ? ` (${t('channels.breakerOpen')})` : ''}
        </span>
      </p>
      <ChannelTestButton channel={channel} />
      <div className="row-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setEditing(true)}
          aria-label={t('channels.editLabel', { name: channel.name })}
          data-testid="channel-edit"
        >
          {t('channels.edit')}
        </button>
        <ConfirmButton
          label={t('channels.delete')}
          question={t('channels.deleteQuestion', { name: channel.name })}
          confirmLabel={t('channels.deleteConfirm')}
          testId="channel-delete"
          onConfirm={async () => {
            await api('DELETE', `/api/v1/notification-channels/${encodeURIComponent(channel.id)}`);
            await onChanged();
          }}
        />
      </div>
    </li>
  );
}
