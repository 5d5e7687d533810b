import { homedir } from 'node:os';

const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment a step runs with: a minimal base (PATH, HOME, LANG, TERM=dumb) plus what the
 * caller gives (configured variables, then the `ASTREINTE_P_…` parameter variables). Never the
 * server's whole environment: it holds the database URL, tokens and the like, which a runbook
 * step has no business seeing (and could print into its output).
 */
export function buildProcessEnvironment(
  extra: Readonly<Record<string, string>>,
  serverEnv: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  return {
    // The server's PATH is not secret and is where operators installed kubectl, psql, redis-cli …
    PATH: serverEnv['PATH'] ?? defaultPath,
    HOME: serverEnv['HOME'] ?? homedir(),
    LANG: serverEnv['LANG'] ?? 'C.UTF-8',
    // No terminal: tools should not draw colours, pagers or progress bars into the captured output.
    TERM: 'dumb',
    ...extra,
  };
}
