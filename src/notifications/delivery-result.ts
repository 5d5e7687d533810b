import type { Severity } from '../incidents/incident-model.js';
import type { NotificationRecipient } from './channel-model.js';

export const deliveryOutcomes = ['sent', 'failed'] as const;
export type DeliveryOutcome = (typeof deliveryOutcomes)[number];

/**
 * What one delivery attempt came to. Senders never throw for a failed delivery: they say whether
 * trying again later may succeed (network error, timeout, 429, 5xx, SMTP 4xx) or not (other 4xx,
 * SMTP 5xx, a recipient without an address), which the retry policy and circuit breaker read.
 */
export interface DeliveryResult {
  outcome: DeliveryOutcome;
  retryable: boolean;
  /** HTTP status, or the SMTP reply code for e-mail. */
  status?: number;
  /** The provider's id of the message (Twilio's message SID, the SMTP queue id) when it gives one. */
  providerId?: string;
  error?: string;
  /** Something the admin should know even though it worked (an e-mail relay whose certificate went unchecked). */
  warning?: string;
  /** The receiver's Retry-After, when it sent one: the retry policy waits at least this long. */
  retryAfterMs?: number;
}

/** A message as `renderNotification` produced it for one channel. */
export interface RenderedMessage {
  subject: string;
  /** One line for SMS and for chat notifications' preview. */
  short: string;
  /** The body in the channel's format: plain text (e-mail, SMS), Markdown (chat, webhook), Slack mrkdwn. */
  text: string;
  /** E-mail only. */
  html?: string;
  /** Colours chat posts. */
  severity?: Severity;
}

/** What every sender takes. */
export interface SendRequest<Config> {
  config: Config;
  message: RenderedMessage;
  recipient: NotificationRecipient;
  /**
   * The idempotency key of this delivery, the same on every retry: X-Astreinte-Delivery for
   * webhooks, the Message-ID of e-mails. Letters, digits, `.`, `_` and `-` (a UUID fits).
   */
  deliveryId: string;
  /** Default 10 s (30 s for e-mail). */
  timeoutMs?: number;
  /** Aborts the attempt (shutdown); the result is then a retryable failure. */
  signal?: AbortSignal;
}

export const defaultSendTimeoutMs = 10_000;
const deliveryIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A delivered attempt (never retryable: there is nothing left to do). */
export function sentResult(details: Omit<DeliveryResult, 'outcome' | 'retryable'> = {}): DeliveryResult {
  return { outcome: 'sent', retryable: false, ...details };
}

/** A failed attempt; `retryable` says whether a later attempt may succeed. */
export function failedResult(
  retryable: boolean,
  error: string,
  details: Omit<DeliveryResult, 'outcome' | 'retryable' | 'error'> = {},
): DeliveryResult {
  return { outcome: 'failed', retryable, error, ...details };
}

/**
 * Whether an HTTP status is worth retrying: 408 and 429 (the receiver asks to come back) and 5xx
 * (its fault, maybe passing). Other 4xx say the request itself is wrong and would be again; 3xx
 * are not followed (a signed body is not sent on to a host nobody configured).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** Why a request cannot be attempted at all (a non-retryable failure), or undefined when it can. */
export function checkSendRequest(request: SendRequest<unknown>): DeliveryResult | undefined {
  if (!deliveryIdPattern.test(request.deliveryId))
    return failedResult(false, 'invalid delivery id (letters, digits, ".", "_", "-", at most 128)');
  return undefined;
}

/**
 * One signal for the caller's abort and the attempt's own timeout, and a way to tell afterwards
 * which of the two fired (the error text differs; both are retryable).
 */
export function attemptSignal(
  request: SendRequest<unknown>,
  defaultTimeoutMs = defaultSendTimeoutMs,
): { signal: AbortSignal; timeoutMs: number } {
  const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  return { signal: request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]), timeoutMs };
}

/** The failure of an attempt that was aborted, by the caller or by its timeout. */
export function abortedResult(request: SendRequest<unknown>, timeoutMs: number): DeliveryResult {
  return request.signal?.aborted === true
    ? failedResult(true, 'aborted by the caller')
    : failedResult(true, `timed out after ${timeoutMs} ms`);
}
