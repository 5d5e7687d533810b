import type { Probe } from './probes-types';

/** The console path of a probe's page, or of one of its sub-pages (`/edit`). */
export function probePath(id: string, rest = ''): string {
  return `/probes/${encodeURIComponent(id)}${rest}`;
}

/** The API path of a probe, or of its results and uptime. */
export function probeApiPath(id: string, rest = ''): string {
  return `/api/v1/probes/${encodeURIComponent(id)}${rest}`;
}

/**
 * What a probe checks, in one line, whatever its kind: its URL, host and port, name or query
 * (the fields the kinds' targets share), credentials already masked by the server.
 */
export function targetSummary(target: Probe['target']): string {
  const fields: Record<string, unknown> = target;
  const text = (key: string): string | null => {
    const value = fields[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const host = text('host');
  const port = text('port');
  return (
    text('url') ??
    (host === null ? null : port === null ? host : `${host}:${port}`) ??
    text('name') ??
    text('query') ??
    target.kind
  );
}
