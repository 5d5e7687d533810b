import { InvalidArgumentError, type Command } from 'commander';

/** The options every command that talks to the API takes. */
export function withApiOptions(command: Command): Command {
  return command
    .option('--url <url>', 'server URL (ASTREINTE_URL, default http://127.0.0.1:8080)')
    .option('--token <token>', 'API token (prefer ASTREINTE_TOKEN: flags show in the process list)')
    .option('--json', 'print JSON');
}

/** Parses a whole number from 1 up (versions, limits). */
export function positiveInteger(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a positive whole number (1, 2, …)');
  return Number(value);
}
