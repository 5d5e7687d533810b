import { spawnSync } from 'node:child_process';
import { bwrapArguments } from './bwrap-launcher.js';

/** Where bubblewrap is looked for, in order (Debian's package puts it in /usr/bin). */
const candidates = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

/**
 * Finds bubblewrap and proves it can build the sandbox steps will run in (user or PID namespaces
 * may be forbidden on this machine, even with bwrap installed). Throws, saying what to install
 * or allow, when it cannot: a runner never falls back to running steps unconfined by itself.
 */
export function checkBwrap(): string {
  const found = candidates.find((path) => spawnSync(path, ['--version'], { encoding: 'utf8' }).status === 0);
  if (found === undefined) {
    throw new SandboxUnavailableError(
      'bubblewrap (bwrap) is not installed: install it (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap), ' +
        'or set ASTREINTE_RUNNER_SANDBOX=none (--sandbox none) to run steps unconfined, with a warning',
    );
  }
  const trial = spawnSync(found, [...bwrapArguments({ writable: [], hidden: [] }, '/'), '--', '/bin/true'], {
    encoding: 'utf8',
    env: {},
  });
  if (trial.status !== 0) {
    throw new SandboxUnavailableError(
      `bubblewrap cannot create a sandbox here (${(trial.stderr || trial.error?.message || `exit ${trial.status}`).trim()}): ` +
        'allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or on Ubuntu an AppArmor profile for bwrap), ' +
        'run the runner as root, or set ASTREINTE_RUNNER_SANDBOX=none (--sandbox none) to run steps unconfined, with a warning',
    );
  }
  return found;
}
