import type { Severity } from '../types.js';
import type { IntegrationSettings } from './admin-types.js';

/** A row of a two-column table being edited (severity words, service values). */
export interface DraftRow<V extends string> {
  key: string;
  value: V;
}

/** The settings as the form holds them: lists as the text typed, tables as rows (a row may be half-typed). */
export interface SettingsDraft {
  groupBy: string;
  groupWindow: string;
  severityRows: DraftRow<Severity>[];
  defaultSeverity: Severity;
  serviceLabels: string;
  serviceRows: DraftRow<string>[];
  autoResolve: boolean;
}

const listText = (list: readonly string[] | undefined, fallback: readonly string[]): string =>
  (list ?? fallback).join(', ');
const listOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
const rowsOf = <V extends string>(record: Readonly<Record<string, V>> | undefined): DraftRow<V>[] =>
  Object.entries(record ?? {}).map(([key, value]) => ({ key, value }));
const recordOf = <V extends string>(rows: readonly DraftRow<V>[]): Record<string, V> =>
  Object.fromEntries(rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value]));

/** The form's starting state: the saved settings, defaults written out so the admin sees what applies. */
export function draftOf(settings: IntegrationSettings): SettingsDraft {
  return {
    groupBy: listText(settings.groupBy, ['alertname']),
    groupWindow: settings.groupWindowMinutes == null ? '' : String(settings.groupWindowMinutes),
    severityRows: rowsOf(settings.severityMap),
    defaultSeverity: settings.defaultSeverity ?? 'P3',
    serviceLabels: listText(settings.serviceLabels, ['service', 'app', 'job']),
    serviceRows: rowsOf(settings.serviceMap),
    autoResolve: settings.autoResolve ?? true,
  };
}

/**
 * The settings the form says, over the saved ones: the kind's own (a webhook's mapping, a
 * heartbeat's period) are kept as they are. The group window's field is a number input, which
 * holds no text; 1.5 or 0 are sent as typed, for the server to name the field it refuses.
 */
export function settingsOf(draft: SettingsDraft, saved: IntegrationSettings): IntegrationSettings {
  const window = draft.groupWindow.trim();
  return {
    ...saved,
    groupBy: listOf(draft.groupBy),
    groupWindowMinutes: window === '' || !Number.isFinite(Number(window)) ? null : Number(window),
    severityMap: recordOf(draft.severityRows),
    defaultSeverity: draft.defaultSeverity,
    serviceLabels: listOf(draft.serviceLabels),
    serviceMap: recordOf(draft.serviceRows),
    autoResolve: draft.autoResolve,
  };
}

/** Labels typed one a line as `name=value` (or `name: value`); the numbers of the lines that are neither. */
export function parseLabelLines(text: string): { labels: Record<string, string>; badLines: number[] } {
  const labels: Record<string, string> = {};
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*[=:]\s*"?(.*?)"?\s*$/.exec(line);
    if (match?.[1] === undefined) badLines.push(index + 1);
    else labels[match[1]] = match[2] ?? '';
  });
  return { labels, badLines };
}
