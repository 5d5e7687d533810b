import { readFileSync } from 'node:fs';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { checkOidcSettings } from '../auth/oidc/oidc-settings.js';
import { checkInboundSmtpSettings } from './inbound-smtp-settings.js';
import { parseDenyList, parseSecretEnvNames, parseStepEnvironment, type Parsed } from './step-settings.js';

/** How logs are written (`auto`: readable on a terminal, JSON otherwise); the runner's flag takes the same. */
export const logFormats = ['auto', 'json', 'pretty'] as const;

/** Every setting, its environment variable, and what it accepts. The one place config is defined. */
export const ConfigSchema = Type.Object({
  host: Type.String({ minLength: 1, default: '127.0.0.1', description: 'bind address' }),
  port: Type.Integer({ minimum: 0, maximum: 65_535, default: 8080 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', description: 'selects a PostgreSQL server' })),
  dataDir: Type.String({ minLength: 1, default: './data', description: 'embedded database folder' }),
  logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  logFormat: Type.Enum(logFormats, {
    default: 'auto',
    description: 'auto: readable lines when stdout is a terminal, JSON (one object per line) otherwise',
  }),
  bodyLimitBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  databasePoolSize: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  shutdownTimeoutMs: Type.Integer({ minimum: 0, maximum: 600_000, default: 10_000 }),
  demo: Type.Boolean({ default: false, description: 'load demo data into an empty database' }),
  stepTimeoutMs: Type.Integer({
    minimum: 1000,
    maximum: 3_600_000,
    default: 60_000,
    description: 'default timeout of a step',
  }),
  stepMaxOutputBytes: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  stepConcurrency: Type.Integer({
    minimum: 1,
    maximum: 64,
    default: 4,
    description: 'steps the local runner runs at once',
  }),
  stepHeartbeatMs: Type.Integer({
    minimum: 100,
    maximum: 60_000,
    default: 2000,
    description: 'how often runners beat; runners and steps silent for 5 periods are gone',
  }),
  stepQueueTimeoutMs: Type.Integer({
    minimum: 1000,
    maximum: 86_400_000,
    default: 600_000,
    description: 'a step no runner took within this time ends as cancelled',
  }),
  localRunner: Type.Boolean({ default: true, description: 'serve starts a local runner as a child process' }),
  runnerSandbox: Type.Enum(['bwrap', 'none'], {
    default: 'bwrap',
    description: 'how the local runner confines steps: bwrap (bubblewrap), or none (warned at every start)',
  }),
  runnerWritablePaths: Type.String({
    default: '',
    description:
      "folders (colon-separated) the local runner's steps may write to; the rest of the file system is read-only to them",
  }),
  timerPollMs: Type.Integer({
    minimum: 20,
    maximum: 10_000,
    default: 250,
    description: 'how often a node looks for due escalations, pages and retries',
  }),
  liveSafetyPollMs: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 10_000,
    description: 'how often a live stream reads without being notified of a change (in case a notification was lost)',
  }),
  alertSweepMs: Type.Integer({
    minimum: 100,
    maximum: 60_000,
    default: 5000,
    description: 'how often a node looks for missed heartbeats and expired alerts',
  }),
  alertInboxMaxAgeMs: Type.Integer({
    minimum: 1000,
    maximum: 3_600_000,
    default: 30_000,
    description:
      'alert ingest answers 429 (Retry-After) while the oldest request waiting in the inbox is older than this',
  }),
  alertInboxMaxDepth: Type.Integer({
    minimum: 1,
    maximum: 10_000_000,
    default: 20_000,
    description:
      "alert ingest answers 429 (Retry-After) while more than this wait to be handled (inbox rows: a request's alerts of one group)",
  }),
  stepDenyList: Type.String({
    default:
      String.raw`\brm\s+(-[a-zA-Z]*\s+)*-[a-zA-Z]*[rR][a-zA-Z]*\s+(-[a-zA-Z]*\s+)*/(\s|\*|$)` +
      '\n' +
      String.raw`\bmkfs(\.\w+)?\s` +
      '\n' +
      String.raw`:\(\)\s*\{\s*:\|:&\s*\};:` +
      '\n' +
      String.raw`\bdd\s+.*\bof=/dev/(sd|nvme|vd|xvd)`,
    description: 'regular expressions, one per line: a step whose code matches one never runs',
  }),
  stepEnvironment: Type.String({
    default: '',
    description: 'NAME=value lines added to the environment of every shell step',
  }),
  stepSecretEnv: Type.String({
    default: '',
    description:
      'names of server environment variables (comma-separated) that steps may use as secrets; their values are redacted',
  }),
  secretKey: Type.Optional(
    Type.String({
      pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$',
      description: '32-byte key (64 hex or base64) sealing secrets at rest',
    }),
  ),
  stepWorkingDir: Type.Optional(Type.String({ minLength: 1 })),
  publicUrl: Type.Optional(Type.String({ pattern: '^https?://', description: 'URL users reach the server at' })),
  timeZone: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: "the team's IANA time zone: default of post-mortems (else the server's) and reports (else UTC)",
    }),
  ),
  prometheusUrl: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description: 'Prometheus HTTP API queried by Prometheus probes that name none',
    }),
  ),
  probeTickMs: Type.Integer({
    minimum: 20,
    maximum: 10_000,
    default: 200,
    description: 'how often a node looks for due probes',
  }),
  probeConcurrency: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    default: 500,
    description: 'probe checks in flight at once on a node',
  }),
  probeHistoryHours: Type.Integer({
    minimum: 1,
    maximum: 24 * 90,
    default: 48,
    description: 'how long single probe results are kept (hourly figures are kept 400 days)',
  }),
  watchdogUrl: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description:
        "dead man's switch: every node POSTs an always-firing heartbeat here (a healthchecks.io ping, another Astreinte's heartbeat URL)",
    }),
  ),
  watchdogIntervalMs: Type.Integer({
    minimum: 100,
    maximum: 3_600_000,
    default: 60_000,
    description: 'how often each node sends the watchdog heartbeat',
  }),
  consoleDir: Type.Optional(
    Type.String({ minLength: 1, description: 'the built web console (default: web/dist of the installation)' }),
  ),
  // Replies to pages by e-mail: off without a port (see config/inbound-smtp-settings.ts).
  inboundSmtpPort: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65_535,
      description: 'inbound SMTP listener for replies to pages (unset: off)',
    }),
  ),
  inboundSmtpHost: Type.String({ minLength: 1, default: '127.0.0.1', description: 'bind address of that listener' }),
  inboundSmtpDomain: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.)*[A-Za-z0-9-]{1,63}$',
      maxLength: 200,
      description: 'domain of reply addresses (ack+…@domain): page e-mails carry a Reply-To only when set',
    }),
  ),
  inboundSmtpTlsCert: Type.Optional(
    Type.String({ minLength: 1, description: 'PEM certificate file: offers STARTTLS' }),
  ),
  inboundSmtpTlsKey: Type.Optional(
    Type.String({ minLength: 1, description: 'PEM private key file of that certificate' }),
  ),
  inboundSmtpMaxBytes: Type.Integer({ minimum: 1024, maximum: 25 * 1024 * 1024, default: 1024 * 1024 }),
  inboundSmtpMaxConnections: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  inboundSmtpSessionMs: Type.Integer({
    minimum: 1000,
    maximum: 3_600_000,
    default: 60_000,
    description: 'longest SMTP session; one silent for a third of it is cut sooner',
  }),
  // OpenID Connect sign-in: off without an issuer. Optional, defaults applied in auth/oidc/oidc-settings.ts.
  oidcIssuer: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'OpenID Connect issuer: turns single sign-on on' }),
  ),
  oidcClientId: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'client id at the provider' })),
  // No length limit: a value failing the schema would be echoed in the problem report.
  oidcClientSecret: Type.Optional(
    Type.String({ minLength: 1, description: 'client secret at the provider (none: a public client with PKCE)' }),
  ),
  oidcRedirectUrl: Type.Optional(
    Type.String({
      pattern: '^https?://',
      description: 'callback registered at the provider (default: publicUrl + /auth/oidc/callback)',
    }),
  ),
  oidcScopes: Type.Optional(
    Type.String({ minLength: 1, maxLength: 1000, description: 'scopes asked for (default: openid profile email)' }),
  ),
  oidcRoleClaim: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'claim read for the role (default: groups); a dotted path reaches into objects',
    }),
  ),
  oidcRoleMap: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 10_000,
      description: 'role=claim value entries (comma- or line-separated; * for anyone); the highest role matched wins',
    }),
  ),
  oidcButtonLabel: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'provider name on the sign-in button (default: SSO)' }),
  ),
});
export type Config = Static<typeof ConfigSchema>;

/** Environment variable of each setting. */
export const configEnvironment: Record<keyof Config, string> = {
  host: 'ASTREINTE_HOST',
  port: 'ASTREINTE_PORT',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'ASTREINTE_DATA_DIR',
  logLevel: 'ASTREINTE_LOG_LEVEL',
  logFormat: 'ASTREINTE_LOG_FORMAT',
  bodyLimitBytes: 'ASTREINTE_BODY_LIMIT_BYTES',
  databasePoolSize: 'ASTREINTE_DATABASE_POOL_SIZE',
  shutdownTimeoutMs: 'ASTREINTE_SHUTDOWN_TIMEOUT_MS',
  demo: 'ASTREINTE_DEMO',
  stepTimeoutMs: 'ASTREINTE_STEP_TIMEOUT_MS',
  stepMaxOutputBytes: 'ASTREINTE_STEP_MAX_OUTPUT_BYTES',
  stepConcurrency: 'ASTREINTE_STEP_CONCURRENCY',
  stepHeartbeatMs: 'ASTREINTE_STEP_HEARTBEAT_MS',
  stepQueueTimeoutMs: 'ASTREINTE_STEP_QUEUE_TIMEOUT_MS',
  localRunner: 'ASTREINTE_LOCAL_RUNNER',
  runnerSandbox: 'ASTREINTE_RUNNER_SANDBOX',
  runnerWritablePaths: 'ASTREINTE_RUNNER_WRITABLE',
  alertSweepMs: 'ASTREINTE_ALERT_SWEEP_MS',
  alertInboxMaxAgeMs: 'ASTREINTE_ALERT_INBOX_MAX_AGE_MS',
  alertInboxMaxDepth: 'ASTREINTE_ALERT_INBOX_MAX_DEPTH',
  timerPollMs: 'ASTREINTE_TIMER_POLL_MS',
  liveSafetyPollMs: 'ASTREINTE_LIVE_SAFETY_POLL_MS',
  stepDenyList: 'ASTREINTE_STEP_DENY_LIST',
  stepEnvironment: 'ASTREINTE_STEP_ENV',
  stepSecretEnv: 'ASTREINTE_STEP_SECRET_ENV',
  secretKey: 'ASTREINTE_SECRET_KEY',
  stepWorkingDir: 'ASTREINTE_STEP_WORKING_DIR',
  publicUrl: 'ASTREINTE_PUBLIC_URL',
  timeZone: 'ASTREINTE_TIME_ZONE',
  prometheusUrl: 'ASTREINTE_PROMETHEUS_URL',
  probeTickMs: 'ASTREINTE_PROBE_TICK_MS',
  probeConcurrency: 'ASTREINTE_PROBE_CONCURRENCY',
  probeHistoryHours: 'ASTREINTE_PROBE_HISTORY_HOURS',
  watchdogUrl: 'ASTREINTE_WATCHDOG_URL',
  watchdogIntervalMs: 'ASTREINTE_WATCHDOG_INTERVAL_MS',
  consoleDir: 'ASTREINTE_CONSOLE_DIR',
  inboundSmtpPort: 'ASTREINTE_INBOUND_SMTP_PORT',
  inboundSmtpHost: 'ASTREINTE_INBOUND_SMTP_HOST',
  inboundSmtpDomain: 'ASTREINTE_INBOUND_SMTP_DOMAIN',
  inboundSmtpTlsCert: 'ASTREINTE_INBOUND_SMTP_TLS_CERT',
  inboundSmtpTlsKey: 'ASTREINTE_INBOUND_SMTP_TLS_KEY',
  inboundSmtpMaxBytes: 'ASTREINTE_INBOUND_SMTP_MAX_BYTES',
  inboundSmtpMaxConnections: 'ASTREINTE_INBOUND_SMTP_MAX_CONNECTIONS',
  inboundSmtpSessionMs: 'ASTREINTE_INBOUND_SMTP_SESSION_MS',
  oidcIssuer: 'ASTREINTE_OIDC_ISSUER',
  oidcClientId: 'ASTREINTE_OIDC_CLIENT_ID',
  oidcClientSecret: 'ASTREINTE_OIDC_CLIENT_SECRET',
  oidcRedirectUrl: 'ASTREINTE_OIDC_REDIRECT_URL',
  oidcScopes: 'ASTREINTE_OIDC_SCOPES',
  oidcRoleClaim: 'ASTREINTE_OIDC_ROLE_CLAIM',
  oidcRoleMap: 'ASTREINTE_OIDC_ROLE_MAP',
  oidcButtonLabel: 'ASTREINTE_OIDC_BUTTON_LABEL',
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface ConfigSources {
  env?: Record<string, string | undefined>;
  /** A JSON file of settings by their names (`{"port": 9000}`); the environment overrides it. */
  file?: string;
  /** Settings given on the command line; they override both. */
  overrides?: Partial<Config>;
}

/**
 * Reads the configuration once, at start: file, then environment, then overrides. Every bad value
 * is reported at once, each with its source and what it accepts.
 */
export function loadConfig(sources: ConfigSources = {}): Config {
  const env = sources.env ?? process.env;
  const filePath = sources.file ?? env['ASTREINTE_CONFIG'];
  const raw: Record<string, unknown> = {};
  const origin: Record<string, string> = {};
  const problems: string[] = [];
  if (filePath !== undefined && filePath !== '') {
    for (const [key, value] of Object.entries(readConfigFile(filePath, problems))) {
      if (!(key in configEnvironment)) problems.push(`${filePath}: unknown setting "${key}"`);
      raw[key] = value;
      origin[key] = `${filePath}: ${key}`;
    }
  }
  for (const [key, variable] of Object.entries(configEnvironment)) {
    const value = env[variable];
    if (value !== undefined && value !== '') {
      raw[key] = value;
      origin[key] = variable;
    }
  }
  // A caller may pass an option it was not given as `undefined` (`Partial` allows it): not a setting.
  for (const [key, value] of Object.entries<unknown>(sources.overrides ?? {})) {
    if (value !== undefined) {
      raw[key] = value;
      origin[key] = `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    }
  }
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, raw)) as Record<string, unknown>;
  for (const error of Value.Errors(ConfigSchema, converted)) {
    const key = error.instancePath.split('/')[1] ?? '';
    if (!(key in configEnvironment)) continue; // unknown keys were reported above
    const where = origin[key] ?? key;
    problems.push(`${where}: ${error.message} (got ${JSON.stringify(raw[key])})`);
  }
  if (problems.length === 0) {
    problems.push(
      ...checkStepSettings(converted as Config, origin),
      ...checkOidcSettings(converted as Config, origin),
      ...checkTimeZone(converted as Config, origin),
      ...checkInboundSmtpSettings(converted as Config, origin),
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Value.Clean(ConfigSchema, converted) as Config;
}

/** A time zone Intl does not know would fail every report and post-mortem later: refused at start. */
function checkTimeZone(config: Config, origin: Record<string, string>): string[] {
  if (config.timeZone === undefined) return [];
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: config.timeZone });
    return [];
  } catch {
    return [
      `${origin['timeZone'] ?? 'timeZone'}: ${JSON.stringify(config.timeZone)} is not an IANA time zone (e.g. Europe/Paris)`,
    ];
  }
}

/** Settings written as text (deny list, step environment) must parse, each problem with its source. */
function checkStepSettings(config: Config, origin: Record<string, string>): string[] {
  const checks: [keyof Config, Parsed<unknown>][] = [
    ['stepDenyList', parseDenyList(config.stepDenyList)],
    ['stepEnvironment', parseStepEnvironment(config.stepEnvironment)],
    ['stepSecretEnv', parseSecretEnvNames(config.stepSecretEnv)],
  ];
  return checks.flatMap(([key, parsed]) =>
    parsed.ok ? [] : parsed.problems.map((problem) => `${origin[key] ?? key}: ${problem}`),
  );
}

function readConfigFile(path: string, problems: string[]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
    problems.push(`${path}: must hold a JSON object`);
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}`);
  }
  return {};
}
