import { api } from '../api';
import { AdminPage } from '../admin/admin-layout';
import { useI18n } from '../i18n';
import { LoadError } from '../load-error';
import { useResource } from '../use-resource';
import { ChannelCard } from './channel-card';
import { ChannelForm } from './channel-form';
import type { ChannelKindInfo, ChannelRecord } from './channels-types';
import './channels.css';

async function loadChannels() {
  const [channels, kinds] = await Promise.all([
    api<ChannelRecord[]>('GET', '/api/v1/notification-channels'),
    api<ChannelKindInfo[]>('GET', '/api/v1/notification-channels/kinds'),
  ]);
  return { channels, kinds };
}

/**
 * `/admin/notification-channels`: the ways pages go out, each testable from here, and adding one.
 * Cards rather than a table: a channel's actions and its test outcome fit a phone's width.
 */
export function ChannelsPage() {
  const { t } = useI18n();
  const loaded = useResource({ key: 'notification-channels', load: loadChannels });
  const data = loaded.data;
  return (
    <AdminPage minRole="admin" title="channels.title" intro="channels.intro">
      <LoadError error={loaded.error} onRetry={loaded.reload} />
      {data === null ? (
        loaded.error === null && <p>{t('app.loading')}</p>
      ) : (
        <>
          {data.channels.length === 0 ? (
            <p className="empty">{t('channels.empty')}</p>
          ) : (
            <ul className="channel-cards" data-testid="channel-cards">
              {data.channels.map((channel) => (
                <ChannelCard
                  key={`${channel.id}:${channel.updatedAt}`}
                  channel={channel}
                  kinds={data.kinds}
                  onChanged={loaded.reload}
                />
              ))}
            </ul>
          )}
          <ChannelForm kinds={data.kinds} existing={null} onSaved={() => void loaded.reload()} />
        </>
      )}
    </AdminPage>
  );
}
