import { Type } from 'typebox';
import { DraftAdoptionSchema, type DraftAdoption } from '../runbooks/draft-adoption.js';

/** The error body every failing call answers with (see error-mapping.ts). */
export const ErrorSchema = Type.Object(
  {
    error: Type.String({ description: 'machine-readable code' }),
    message: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  { title: 'Error' },
);

/** Error answers every authenticated route may give. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
  413: ErrorSchema,
  415: ErrorSchema,
};

/** `?at=`: a moment other than now. */
export const AtQuery = Type.Object(
  { at: Type.Optional(Type.String({ format: 'date-time' })) },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

export function paged<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

/** The answers of the adopt endpoints that report entry by entry (`DraftAdoption`). */
export const adoptionResponses = { 201: DraftAdoptionSchema, 200: DraftAdoptionSchema, ...errorResponses };

/** 201 when an adoption created or changed something; 200 for a dry run or a draft adopted before. */
export const adoptionStatus = (adopted: DraftAdoption): 200 | 201 => (adopted.dryRun || adopted.nothingNew ? 200 : 201);
