import { Type, type Static } from 'typebox';
import { validationError } from '../core/app-error.js';
import type { Queryable } from '../storage/database.js';
import { slugIdSchema } from '../core/slug-id.js';

/** Service ids are slugs: they appear in URLs, alert routing rules and incident service lists. */
export const ServiceIdSchema = slugIdSchema('dispatch-api');

export const ServiceTagsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 50,
  uniqueItems: true,
});

/** Recovery objectives in minutes; null when the service has none. */
export const MinutesOrNullSchema = Type.Union([Type.Integer({ minimum: 0, maximum: 525_600 }), Type.Null()]);

const serviceProperties = {
  id: ServiceIdSchema,
  name: Type.String(),
  description: Type.String(),
  ownerTeamId: Type.Union([Type.String(), Type.Null()]),
  rtoMinutes: Type.Union([Type.Integer(), Type.Null()]),
  rpoMinutes: Type.Union([Type.Integer(), Type.Null()]),
  tags: Type.Array(Type.String()),
  public: Type.Boolean({ description: 'shown on the public status page' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};

export const ServiceSchema = Type.Object(serviceProperties, { title: 'Service' });
/** A service of the catalogue: what incidents affect and teams own. */
export type Service = Static<typeof ServiceSchema>;

export const ServiceDetailSchema = Type.Object(
  {
    ...serviceProperties,
    openIncidents: Type.Integer({ description: 'incidents not yet resolved that affect this service' }),
  },
  { title: 'ServiceDetail' },
);
export type ServiceDetail = Static<typeof ServiceDetailSchema>;

export interface ServiceRow {
  [column: string]: unknown;
  id: string;
  name: string;
  description: string;
  owner_team_id: string | null;
  rto_minutes: number | null;
  rpo_minutes: number | null;
  tags: string[];
  public: boolean;
  created_at: Date;
  updated_at: Date;
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerTeamId: row.owner_team_id,
    rtoMinutes: row.rto_minutes,
    rpoMinutes: row.rpo_minutes,
    tags: row.tags,
    public: row.public,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const selectServiceColumns = `
  SELECT id, name, description, owner_team_id, rto_minutes, rpo_minutes, tags, public, created_at, updated_at FROM services`;

/** Refuses (400 at /ownerTeamId) an owner team that does not exist; null means "no owner". */
export async function assertOwnerTeam(db: Queryable, teamId: string | null): Promise<void> {
  if (teamId === null) return;
  const { rows } = await db.query('SELECT 1 FROM teams WHERE id = $1', [teamId]);
  if (rows.length === 0)
    throw validationError('unknown team', [{ path: '/ownerTeamId', message: `no team ${teamId}` }]);
}
