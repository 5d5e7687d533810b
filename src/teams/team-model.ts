import { Type, type Static } from 'typebox';
import { slugIdSchema } from '../core/slug-id.js';

export const TeamIdSchema = slugIdSchema('dispatch');
export const TeamNameSchema = Type.String({ minLength: 1, maxLength: 200 });
export const TeamDescriptionSchema = Type.String({ maxLength: 5000 });

export const TeamMemberSchema = Type.Object({ userId: Type.String({ format: 'uuid' }), name: Type.String() });

export const TeamSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    members: Type.Array(TeamMemberSchema, { description: 'by name' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Team' },
);
export type Team = Static<typeof TeamSchema>;

/** A teams row with its members aggregated (`selectTeams`). */
export interface TeamRow {
  [column: string]: unknown;
  id: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
  members: { userId: string; name: string }[];
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    members: row.members,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
