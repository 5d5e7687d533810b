/**
 * What the notification channels page reads and sends: the server's own types, imported as types
 * only (erased from the bundle), so the page cannot drift from the schemas the API validates with.
 */
export type { ChannelRecord } from '../../../src/notifications/store/channel-record.js';
export type { ChannelKindInfo } from '../../../src/notifications/list-channel-kinds.js';
export type { ChannelTest } from '../../../src/notifications/store/test-channel.js';
