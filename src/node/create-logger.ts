import { pino, type Logger } from 'pino';
import { prettyFactory } from 'pino-pretty';

import type { Config } from '../config/config.js';

type LogFormat = Config['logFormat'];

interface LogOutput {
  write(text: string): unknown;
  /** As on process.stdout: true when a person reads it in a terminal. */
  isTTY?: boolean;
}

/** `auto` decided for one output: readable lines for a terminal, JSON for a pipe or a file. */
export function resolveLogFormat(format: LogFormat, output: LogOutput): 'json' | 'pretty' {
  if (format !== 'auto') return format;
  return output.isTTY === true ? 'pretty' : 'json';
}

/**
 * The logger of a server or runner process. A person at a terminal reads "[10:42:07] INFO: database
 * migrated" lines; a log collector reading a pipe gets one JSON object per line, which it can parse.
 * Pretty lines are formatted synchronously in this thread rather than in pino's worker-thread
 * transport: a node logs little, and a crash must not lose its last lines.
 */
export function createLogger(options: {
  level: string;
  format: LogFormat;
  service: string;
  output: LogOutput;
}): Logger {
  const base = { level: options.level, base: { service: options.service } };
  const { output } = options;
  if (resolveLogFormat(options.format, output) === 'json')
    return pino(base, { write: (line: string) => output.write(line) });
  const format = prettyFactory({
    colorize: output.isTTY === true,
    translateTime: 'SYS:HH:MM:ss',
    // A request's fields repeat its message (src/http/request-log.ts).
    ignore: 'pid,hostname,service,request',
  });
  return pino(base, { write: (line: string) => output.write(format(line)) });
}
