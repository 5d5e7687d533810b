/**
 * What a row of the channel kinds table (`channel-kinds.ts`) holds: everything that differs from
 * one kind of notification channel to another. Like Alertmanager's `notify/` receivers, each kind
 * is one sender behind one interface, returning a verdict the retry policy reads.
 */
import type { Static, TLiteral, TObject, TProperties } from 'typebox';
import type { DeliveryResult, SendRequest } from './delivery-result.js';
import type { NotificationKind, NotificationVars } from './templates/template-model.js';

/** A kind's configuration: an object whose `kind` names the kind (the discriminant of `ChannelConfig`). */
export type ChannelSchema = TObject<TProperties & { kind: TLiteral<string> }>;

/**
 * The shape `renderNotification` gives a message: `email` a plain-text and an HTML body, `sms`
 * the short line fitted to one SMS, `slack` Slack's mrkdwn, `markdown` common Markdown (chat
 * servers that read it, webhooks).
 */
export type MessageFormat = 'email' | 'sms' | 'slack' | 'markdown';

/**
 * Which of a paged person's contacts a delivery on this kind is addressed to: their e-mail, their
 * phone (E.164), their user id (the receiver resolves it), or their chat handle (a chat channel
 * posts for everyone; the handle, or else the e-mail, names who is paged).
 */
export type ContactField = 'email' | 'phone' | 'user' | 'chat';

/** What every sender is given: the rendered message, and what happened for those that send fields. */
export interface ChannelSendRequest<Config> extends SendRequest<Config> {
  event: { kind: NotificationKind; vars: NotificationVars };
}

export interface ChannelKindDefinition<Schema extends ChannelSchema = ChannelSchema> {
  /** The configuration an admin stores; fields marked `secretField` are sealed at rest and redacted when shown. */
  schema: Schema;
  /**
   * Sends one message; never throws for a failed delivery. A method, not a property: code that
   * works on any kind sees every row through the default `ChannelKindDefinition`.
   */
  send(request: ChannelSendRequest<Static<Schema>>): Promise<DeliveryResult>;
  format: MessageFormat;
  /** The receiver recognises a repeated delivery by its id: re-sending after a lost node is safe. */
  idempotent: boolean;
  contact: ContactField;
  /** The kind's name in the API's documentation. */
  label: string;
}

/** A row of the table, its sender checked against its own schema. */
export function defineChannelKind<Schema extends ChannelSchema>(
  definition: ChannelKindDefinition<Schema>,
): ChannelKindDefinition<Schema> {
  return definition;
}

/** The contacts of a person being paged, as the users table has them. */
export interface PersonContacts {
  id: string;
  email: string;
  phone: string | null;
  chatHandle: string | null;
}

/** The address a delivery on a kind with this contact field goes to; null when the person has none. */
export function contactOf(field: ContactField, person: PersonContacts): string | null {
  switch (field) {
    case 'email':
      return person.email;
    case 'phone':
      return person.phone;
    case 'user':
      return person.id;
    case 'chat':
      return person.chatHandle ?? person.email;
  }
}
