import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type DaemonProcess } from './daemon-process.js';

/** The Debian package's binary, unless ASTREINTE_PROMETHEUS_BIN names another. */
export const prometheusBinary = process.env['ASTREINTE_PROMETHEUS_BIN'] ?? '/usr/bin/prometheus';

/** Why tests with a real Prometheus cannot run here, or null if they can. */
export function prometheusMissingReason(): string | null {
  return existsSync(prometheusBinary)
    ? null
    : `no Prometheus at ${prometheusBinary} (install prometheus or set ASTREINTE_PROMETHEUS_BIN)`;
}

/**
 * Starts a real Prometheus with a configuration and a rules file, on 127.0.0.1, its TSDB in a
 * temporary folder. Alerts are re-sent every second (not every minute) so that tests are quick.
 * The configuration refers to the rules file as `rules.yml`.
 */
export function startPrometheus(configYaml: string, rulesYaml: string): Promise<DaemonProcess> {
  return startDaemon({
    name: 'Prometheus',
    binary: prometheusBinary,
    files: { 'prometheus.yml': configYaml, 'rules.yml': rulesYaml },
    args: (folder, port) => [
      `--config.file=${join(folder, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(folder, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--rules.alert.resend-delay=1s',
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}
