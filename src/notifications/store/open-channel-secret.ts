import { decryptSecret } from '../../execution/secrets/secret-crypto.js';
import type { ChannelConfig } from '../channel-kinds.js';
import { mapChannelSecrets } from '../channel-secrets.js';

/** What a channel's sealed secrets are bound to: a sealed value moved to another channel does not open. */
export function channelAad(channelId: string): string {
  return `notification-channel:${channelId}`;
}

/** A channel secret as stored (sealed with the server's key, bound to the channel id), opened. */
export function openChannelSecret(sealed: string, key: Buffer, associatedData: string): string {
  return decryptSecret(sealed, key, associatedData);
}

/** A stored channel's configuration with every secret opened, ready for a sender. */
export function openChannelConfig(channelId: string, config: ChannelConfig, key: Buffer): ChannelConfig {
  return mapChannelSecrets(config, (value) => openChannelSecret(value, key, channelAad(channelId)));
}
