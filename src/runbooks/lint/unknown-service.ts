import type { RunbookRule } from './lint-model.js';

/**
 * `unknown-service` (warning): the runbook names a service the catalogue knows neither by id nor
 * by name, so incidents on that service will not find this runbook. Off when the catalogue is not
 * known (offline lint).
 */
export const unknownService: RunbookRule = (runbook, context) => {
  if (context.services === null) return [];
  const known = new Set(context.services.flatMap((service) => [key(service.id), key(service.name)]));
  const names = [...new Set(runbook.metadata.services.map((name) => name.trim()).filter((name) => name !== ''))];
  return names
    .filter((name) => !known.has(key(name)))
    .map((name) => ({
      rule: 'unknown-service' as const,
      severity: 'warning' as const,
      line: runbook.lines.start,
      message: `service "${name}" is not in the service catalogue (by id or name)`,
    }));
};

/** Case and spacing do not matter: "Dispatch API" matches "dispatch api". */
function key(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
