import { Type, type Static } from 'typebox';
import { integrationKindNames } from '../ingest/ingest-kinds.js';
import { IntegrationSettingsSchema } from '../integration-model.js';

/**
 * The kinds of integration, as the API validates and documents them: the keys of `ingestKinds`.
 * Kept apart from `integration-model.ts` because it loads the table, whose rows load the ingest
 * pipeline; the pipeline reads that model, and must not load the table back.
 */
export const IntegrationKindSchema = Type.Enum(integrationKindNames);

export const IntegrationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    kind: IntegrationKindSchema,
    keyHint: Type.String({ description: 'the last characters of the key, to tell keys apart' }),
    serviceId: Type.Union([Type.String(), Type.Null()]),
    settings: IntegrationSettingsSchema,
    endpoint: Type.String({ description: 'where senders post, relative to the server' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Integration' },
);
export type Integration = Static<typeof IntegrationSchema>;
