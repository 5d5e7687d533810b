import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type DaemonProcess } from './daemon-process.js';

/**
 * Starts a real Alertmanager for tests that compare with it (fingerprints, validation, webhook
 * payloads). It listens on 127.0.0.1 only, with clustering off and its data in a temporary folder.
 */

/** The Debian package's binary, unless ASTREINTE_ALERTMANAGER_BIN names another. */
export const alertmanagerBinary = process.env['ASTREINTE_ALERTMANAGER_BIN'] ?? '/usr/bin/prometheus-alertmanager';

/** The smallest configuration Alertmanager accepts: every alert to a receiver that does nothing. */
export const minimalAlertmanagerConfig = 'route:\n  receiver: none\nreceivers:\n  - name: none\n';

/** A running Alertmanager: `url` (`http://127.0.0.1:PORT`), `port`, and `stop()` (safe to call twice). */
export type AlertmanagerProcess = DaemonProcess;

/** Why tests comparing with Alertmanager cannot run here, or null if they can. */
export function alertmanagerMissingReason(): string | null {
  return existsSync(alertmanagerBinary)
    ? null
    : `no Alertmanager at ${alertmanagerBinary} (install prometheus-alertmanager or set ASTREINTE_ALERTMANAGER_BIN)`;
}

/**
 * Starts Alertmanager with `configYaml` (default: `minimalAlertmanagerConfig`) and waits until it
 * is ready. Call `stop()` in afterAll. Check `alertmanagerMissingReason()` first to skip politely.
 */
export function startAlertmanager(configYaml: string = minimalAlertmanagerConfig): Promise<AlertmanagerProcess> {
  return startDaemon({
    name: 'Alertmanager',
    binary: alertmanagerBinary,
    files: { 'alertmanager.yml': configYaml },
    args: (folder, port) => [
      `--config.file=${join(folder, 'alertmanager.yml')}`,
      `--storage.path=${join(folder, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // An empty address turns clustering off: no gossip port, nothing beyond 127.0.0.1.
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    readyPath: '/-/ready',
  });
}
