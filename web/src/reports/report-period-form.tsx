import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';

/** What the reports are asked for: local dates (`to` excluded), a zone, a grouping. */
export interface ReportQuery {
  from: string;
  to: string;
  timeZone: string;
  groupBy: 'severity' | 'service' | 'team';
}

const zones = [
  'UTC',
  'Europe/Paris',
  'Europe/London',
  'Europe/Zurich',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
];

/** Today's date in `zone` as YYYY-MM-DD (the Canadian English format is ISO). */
export function localToday(zone: string): string {
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  try {
    return format(zone);
  } catch {
    // A zone typed by hand that the browser does not know: the server says so; the page must not break.
    return format('UTC');
  }
}

function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The last `days` local days, today included. */
export function lastDays(days: number, timeZone: string): Pick<ReportQuery, 'from' | 'to'> {
  const to = shiftDate(localToday(timeZone), 1);
  return { from: shiftDate(to, -days), to };
}

/**
 * The period to apply when the zone changes: one ending today in the zone it was picked in ("the
 * last 30 days") keeps its length and ends today in the new zone, else a reader east of the
 * old zone would lose today's incidents (its dates, read in the new zone, end hours ago). Dates
 * picked by hand stay as they are.
 */
export function followZone(draft: ReportQuery, previousZone: string): ReportQuery {
  if (draft.timeZone === previousZone || draft.to !== shiftDate(localToday(previousZone), 1)) return draft;
  const days = Math.round((Date.parse(`${draft.to}T00:00:00Z`) - Date.parse(`${draft.from}T00:00:00Z`)) / 86_400_000);
  return { ...draft, ...lastDays(days, draft.timeZone) };
}

/** The browser's zone, the natural default for someone reading their own week. */
export function browserZone(): string {
  // Always set since ECMA-402 4th edition (ES2017): an engine that knows no zone says "UTC" itself.
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The period, zone and grouping pickers; `onApply` gets the new query. */
export function ReportPeriodForm({ query, onApply }: { query: ReportQuery; onApply: (query: ReportQuery) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(query);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(followZone(draft, query.timeZone));
  };
  return (
    <form className="report-period" onSubmit={submit} data-testid="report-period">
      <div className="presets">
        {[7, 30, 90, 365].map((days) => (
          <button key={days} type="button" onClick={() => onApply({ ...draft, ...lastDays(days, draft.timeZone) })}>
            {t('reports.preset', { days })}
          </button>
        ))}
      </div>
      <label>
        {t('reports.from')}{' '}
        <input
          type="date"
          required
          value={draft.from}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          data-testid="report-from"
        />
      </label>
      <label>
        {t('reports.to')}{' '}
        <input
          type="date"
          required
          value={draft.to}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          data-testid="report-to"
        />
      </label>
      <label>
        {t('reports.timeZone')}{' '}
        <input
          list="report-zones"
          required
          value={draft.timeZone}
          onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}
          data-testid="report-zone"
        />
        <datalist id="report-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </label>
      <label>
        {t('reports.groupBy')}{' '}
        <select
          value={draft.groupBy}
          onChange={(event) => setDraft({ ...draft, groupBy: event.target.value as ReportQuery['groupBy'] })}
          data-testid="report-group-by"
        >
          {(['severity', 'service', 'team'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`reports.groupBy.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="report-apply">
        {t('reports.apply')}
      </button>
    </form>
  );
}
