import { join } from 'node:path';
import { cleanEnv, spawnCli, tempDir, type CliProcess, type TempDir } from '../cli/cli-harness.js';
import { consoleDir, ensureConsoleBuilt } from './browser.js';

/** A server started as `npm start` starts it, and what its first start printed. */
export interface FirstStartServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The setup link printed once, for the first admin. */
  setupLink: string;
  stop: () => Promise<void>;
}

/**
 * `astreinte serve --demo` as a real process on an empty data folder (`npm start` runs the same
 * command from the compiled sources; the sources run here through tsx, as the CLI tests do), serving
 * the console the browser tests build, on a free port. The setup link is read from its stdout, where
 * a piped `serve` prints `label: value` lines.
 */
export async function startFirstStartServer(): Promise<FirstStartServer> {
  await ensureConsoleBuilt();
  const dir: TempDir = await tempDir('astreinte-journey-');
  const server: CliProcess = spawnCli(
    // Warnings only: request logs would fill the pipe the test reads the setup link from.
    ['serve', '--demo', '--data-dir', join(dir.path, 'data'), '--port', '0', '--log-level', 'warn'],
    cleanEnv({ ASTREINTE_CONSOLE_DIR: consoleDir }),
  );
  const stop = async (): Promise<void> => {
    server.kill('SIGTERM');
    await server.exited;
    await dir.remove();
  };
  try {
    // The first start migrates a new PGlite database: slow on a loaded two-core machine.
    const [, url = ''] = await server.waitFor(/^Astreinte listening on (http:\/\/\S+)$/m, 120_000);
    const [, setupLink = ''] = await server.waitFor(/^Setup link \([^)]*\): (http:\/\/\S+)$/m, 30_000);
    return { url, setupLink, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
