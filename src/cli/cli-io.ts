/**
 * What every command writes to and reads from, passed in rather than taken from `process`, so the
 * whole CLI runs in-process in tests with captured output.
 */
export interface CliIo {
  /** `isTTY` (as on process.stdout): true when a person reads it in a terminal. */
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** The CLI's clock: what "now" is for tokens' states, post-mortems' ages, on-call from today. */
  now: () => Date;
}

/** Exit codes: 0 done, 1 the operation failed (API error, unreachable server), 2 bad usage or configuration. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * A failure the user can act on: a one-line message, optional detail lines (failing fields, allowed
 * states, hints), and the exit code. `runCli` prints it to stderr; nothing else is printed.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.failed,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** Writes lines, each ending with a newline. */
export function writeLines(stream: CliIo['stdout'], ...lines: string[]): void {
  for (const line of lines) stream.write(`${line}\n`);
}

/** Writes a value as indented JSON (the `--json` output). */
export function writeJson(stream: CliIo['stdout'], value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Commander option collector for repeatable options (`--service a --service b`, also `a,b`). */
export function collectList(value: string, previous: string[] | undefined): string[] {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return [...(previous ?? []), ...parts];
}

/** An ISO timestamp as `2025-01-31 14:05:09Z`, or `-` for none: readable, still unambiguous (UTC). */
export function shortTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '-';
  return `${iso.slice(0, 19).replace('T', ' ')}Z`;
}

/** Drops the keys whose value is undefined (so unset flags do not override the environment). */
export function definedOnly<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}
