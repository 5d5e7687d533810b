import { ConfigError, type Config } from '../config/config.js';
import { parseDenyList, parsedValue, parseSecretEnvNames, parseStepEnvironment } from '../config/step-settings.js';
import type { ExecutionServices } from './execute-step.js';
import { minSecretLength } from './redaction/create-redactor.js';
import { readEnvironmentSecrets } from './secrets/load-step-secrets.js';
import { parseSecretKey } from './secrets/secret-crypto.js';
import type { StepJobServices } from './jobs/step-job-services.js';

/**
 * What the execution domain needs from the server, built once at start from the checked
 * configuration. Secrets allowed from the environment are read now; one too short to redact
 * safely stops the start (a 1-character value would blank every such character of every output).
 */
export function createExecutionServices(
  config: Config,
  jobs: StepJobServices,
  env: Readonly<Record<string, string | undefined>>,
): ExecutionServices {
  const environmentSecrets = readEnvironmentSecrets(parsedValue(parseSecretEnvNames(config.stepSecretEnv)), env);
  const short = [...environmentSecrets]
    .filter(([, value]) => [...value].length < minSecretLength)
    .map(([name]) => name);
  if (short.length > 0) {
    throw new ConfigError(
      short.map(
        (name) =>
          `ASTREINTE_STEP_SECRET_ENV: ${name} holds fewer than ${minSecretLength} characters, too short to redact safely`,
      ),
    );
  }
  return {
    jobs,
    defaultTimeoutMs: config.stepTimeoutMs,
    secretKey: config.secretKey === undefined ? null : parseSecretKey(config.secretKey),
    denyPatterns: parsedValue(parseDenyList(config.stepDenyList)),
    environment: parsedValue(parseStepEnvironment(config.stepEnvironment)),
    environmentSecrets,
  };
}
