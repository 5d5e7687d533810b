import type { Queryable } from '../../storage/database.js';
import type { IncidentStatus, Severity } from '../../incidents/incident-model.js';
import type { BreakerState } from '../circuit-breaker.js';
import type { ChannelConfig } from '../channel-kinds.js';
import type { NotificationRecipient } from '../channel-model.js';

/** A delivery with its channel, incident and recipient: what sending it needs. */
export interface DeliveryContext {
  id: string;
  status: string;
  attempts: number;
  kind: string;
  message: {
    kind: string;
    level?: number;
    silentMinutes?: number;
    /** Approval requests (`approval-delivery.ts`): the request, its step and command, who asked. */
    executionId?: string;
    step?: string;
    command?: string;
    requestedBy?: string;
  };
  channelId: string;
  channelConfig: ChannelConfig;
  breaker: BreakerState;
  incident: {
    id: string;
    title: string;
    severity: Severity;
    status: IncidentStatus;
    summary: string;
    services: string[];
    /** When the incident's row was made: where a page's latency is counted from. */
    openedAt: Date;
  } | null;
  recipient: NotificationRecipient;
}

const selectDelivery = `
  SELECT d.id, d.status, d.attempts, d.kind, d.message, d.recipient, d.channel_id, c.config, c.breaker,
         i.id AS incident_id, i.title, i.severity, i.status AS incident_status, i.summary, i.created_at AS incident_created_at,
         COALESCE((SELECT array_agg(s.service_id ORDER BY s.service_id) FROM incident_services s WHERE s.incident_id = i.id), '{}') AS services,
         u.id AS user_id, u.name, u.email, u.phone, u.time_zone, u.locale
    FROM notification_deliveries d
    JOIN notification_channels c ON c.id = d.channel_id
    LEFT JOIN incidents i ON i.id = d.incident_id
    LEFT JOIN users u ON u.id = d.user_id
   WHERE d.id = $1
     FOR UPDATE OF d`;

type DeliveryRow = {
  id: string;
  status: string;
  attempts: number;
  kind: string;
  message: DeliveryContext['message'];
  recipient: string;
  channel_id: string;
  config: ChannelConfig;
  breaker: BreakerState;
  incident_id: string | null;
  title: string;
  severity: Severity;
  incident_status: IncidentStatus;
  summary: string;
  services: string[];
  incident_created_at: Date;
  user_id: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string | null;
  locale: 'en' | 'fr' | null;
};

/** Reads and locks a delivery with what sending it needs; null if there is none. */
export async function loadDeliveryContext(db: Queryable, id: string): Promise<DeliveryContext | null> {
  const { rows } = await db.query<DeliveryRow>(selectDelivery, [id]);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    id: row.id,
    status: row.status,
    attempts: row.attempts,
    kind: row.kind,
    message: row.message,
    channelId: row.channel_id,
    channelConfig: row.config,
    breaker: row.breaker,
    incident:
      row.incident_id === null
        ? null
        : {
            id: row.incident_id,
            title: row.title,
            severity: row.severity,
            status: row.incident_status,
            summary: row.summary,
            services: row.services,
            openedAt: row.incident_created_at,
          },
    recipient: {
      ...(row.user_id === null ? {} : { userId: row.user_id }),
      name: row.name ?? row.recipient,
      ...(row.email === null ? {} : { email: row.email }),
      ...(row.phone === null ? {} : { phone: row.phone }),
      timeZone: row.time_zone ?? 'UTC',
      locale: row.locale ?? 'en',
    },
  };
}
