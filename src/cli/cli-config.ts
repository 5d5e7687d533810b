import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { CliError, definedOnly, exitCodes, type CliIo } from './cli-io.js';

/** The flags commands share to say where the database is (and, for `serve`, the rest of the settings). */
export interface ConfigFlags {
  config?: string;
  host?: string;
  port?: string;
  dataDir?: string;
  databaseUrl?: string;
  demo?: boolean;
  logLevel?: string;
}

/**
 * Reads the configuration like the server does (file, environment, then flags). Flag values are
 * handed over as the text typed — loadConfig converts and checks them exactly as it does environment
 * variables — so a bad `--port` is reported by ConfigError with every other bad value (exit 2).
 */
export function loadCliConfig(flags: ConfigFlags, io: CliIo): Config {
  const overrides = definedOnly({
    host: flags.host,
    port: flags.port,
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    demo: flags.demo,
    logLevel: flags.logLevel,
  }) as Partial<Config>;
  try {
    return loadConfig({ env: io.env, ...(flags.config === undefined ? {} : { file: flags.config }), overrides });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, exitCodes.usage);
    throw error;
  }
}
