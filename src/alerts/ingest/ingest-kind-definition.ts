import type { AppError, FieldIssue } from '../../core/app-error.js';
import type { Ctx } from '../../core/context.js';
import type { IncomingAlert } from '../alert-model.js';
import type { IntegrationSettings } from '../integration-model.js';
import type { KindSetting } from './ingest-kind-names.js';
import type { SenderIntegration } from '../integrations/integration-keys.js';
import type { RunbookCatalogue } from '../pipeline/runbook-catalogue.js';

/**
 * What one kind of integration (an ingest format) is: a row of `ingestKinds`. The HTTP layer
 * registers its routes, reads its key and calls `receive`; the API's kind enum, each
 * integration's `endpoint`, the settings check and the console's kind list all derive from the
 * rows, so a new way in for alerts is a file exporting one of these and a row in the table.
 */
export interface IngestKindDefinition {
  /** Where senders call, first the one shown to admins; `:name` is a path parameter (Fastify syntax). */
  routes: readonly [IngestRoute, ...IngestRoute[]];
  /** Where the key is, tried in order: the first source that holds one wins. */
  key: readonly KeySource[];
  /** The settings only this kind has (and must have): checked at creation and change. */
  settings: readonly KindSetting[];
  /** Deeper checks of those settings than their schema says, issues under `path` (`/settings`). */
  checkSettings?: (settings: IntegrationSettings, path: string) => FieldIssue[];
  /** Reads one request and stores what it says; opens the integration (`tools.open`) when it is ready to. */
  receive: (body: unknown, tools: IngestTools) => Promise<IngestAnswer>;
  /** The kind's own answer to a refusal, for senders that expect their tool's shape; undefined: the API's. */
  answerError?: (error: AppError) => IngestAnswer | undefined;
  /**
   * The status of a refusal while the node cannot keep up (`rate_limited`), when the kind's
   * sender drops a 429 instead of retrying it; the body and Retry-After stay the API's. Default 429.
   */
  overloadStatus?: 503;
}

export interface IngestRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
}

/**
 * Where a sender puts the integration key. `credentials` is what most senders can configure:
 * `Authorization: Bearer KEY`, the password of HTTP Basic, or `X-Astreinte-Key`. A `header` with
 * a `scheme` reads `NAME: SCHEME KEY` (Opsgenie's `Authorization: GenieKey KEY`).
 */
export type KeySource =
  | { in: 'credentials' }
  | { in: 'header'; name: string; scheme?: string }
  | { in: 'query'; name: string }
  | { in: 'path'; name: string }
  | { in: 'body'; field: string };

/** What `receive` may do, given by the HTTP layer for one request. */
export interface IngestTools {
  now: () => Date;
  /** The integration the request's key opens, of this kind; a wrong key throws 401 (`unauthenticated`). */
  open: () => Promise<SenderIntegration>;
  /** Stores alerts (group commit): resolves once they are committed; throws `rate_limited`, storing nothing, while the node cannot keep up. */
  store: (integration: SenderIntegration, alerts: IncomingAlert[]) => Promise<void>;
  /** A context for work done in the request's name by Astreinte itself (a heartbeat's ping). */
  systemCtx: () => Ctx;
  catalogue: RunbookCatalogue;
}

/** The HTTP answer: status and JSON body (none when undefined). */
export interface IngestAnswer {
  status: number;
  body?: unknown;
}
