import type { ChannelConfig } from '../channel-model.js';
import type { DeliveryResult, RenderedMessage } from '../delivery-result.js';
import type { NotificationRecipient } from '../channel-model.js';
import { sendEmail } from '../senders/send-email.js';
import { sendMattermost } from '../senders/send-mattermost.js';
import { sendSlack } from '../senders/send-slack.js';
import { sendSms } from '../senders/send-sms.js';
import { sendTeams } from '../senders/send-teams.js';
import { sendWebhook } from '../senders/send-webhook.js';
import type { NotificationKind, NotificationVars } from '../templates/template-model.js';

/** Sends one rendered message on a channel of any kind. */
export function dispatchSend(
  config: ChannelConfig,
  request: {
    message: RenderedMessage;
    recipient: NotificationRecipient;
    deliveryId: string;
    kind: NotificationKind;
    vars: NotificationVars;
  },
): Promise<DeliveryResult> {
  const base = { message: request.message, recipient: request.recipient, deliveryId: request.deliveryId };
  switch (config.kind) {
    case 'email':
      return sendEmail({ ...base, config });
    case 'webhook':
      return sendWebhook({ ...base, config, event: { kind: request.kind, vars: request.vars } });
    case 'slack':
      return sendSlack({ ...base, config });
    case 'mattermost':
      return sendMattermost({ ...base, config });
    case 'teams':
      return sendTeams({ ...base, config });
    case 'sms':
      return sendSms({ ...base, config });
  }
}

/** Channels whose receiver can tell a repeated delivery by its id: re-sending after a crash is safe. */
export function hasIdempotencyKey(kind: ChannelConfig['kind']): boolean {
  return kind === 'webhook' || kind === 'email';
}
