import { IANAZone } from 'luxon';
import { Type, type Static } from 'typebox';
import { RoleSchema } from '../auth/api-token-model.js';
import type { Role } from '../core/actor.js';
import { validationError } from '../core/app-error.js';

export const UsernameSchema = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{1,62}$',
  description: 'lowercase login name, fixed once created',
});
export const PersonNameSchema = Type.String({ minLength: 1, maxLength: 200 });
export const EmailSchema = Type.String({ format: 'email', maxLength: 254 });
export const PhoneSchema = Type.String({ minLength: 1, maxLength: 50 });
export const ChatHandleSchema = Type.String({ minLength: 1, maxLength: 100 });
export const TimeZoneSchema = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'IANA time zone, e.g. Europe/Paris',
});

export const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    username: Type.String(),
    name: Type.String(),
    email: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    chatHandle: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    timeZone: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    deactivatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'User' },
);
export type User = Static<typeof UserSchema>;

/** The columns every user query selects, in `UserRow` shape. */
export const userColumns =
  'id, username, name, email, phone, chat_handle, role, time_zone, created_at, updated_at, deactivated_at';

export interface UserRow {
  [column: string]: unknown;
  id: string;
  username: string;
  name: string;
  email: string;
  phone: string | null;
  chat_handle: string | null;
  role: Role;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
  deactivated_at: Date | null;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    phone: row.phone,
    chatHandle: row.chat_handle,
    role: row.role,
    timeZone: row.time_zone,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deactivatedAt: row.deactivated_at?.toISOString() ?? null,
  };
}

/**
 * The canonical spelling of an IANA time zone (`europe/paris` → `Europe/Paris`), or a 400 at
 * /timeZone. Luxon accepts any casing, so the zone is stored as Intl spells it, once.
 */
export function canonicalTimeZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) {
    throw validationError('unknown time zone', [{ path: '/timeZone', message: `${zone} is not an IANA time zone` }]);
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
