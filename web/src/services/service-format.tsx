import { useI18n, type Language, type Translate } from '../i18n';

/** The viewer's IANA time zone (`Europe/Paris`), which every time on these pages is shown in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A moment as a person on call reads it: weekday, day and month, 24-hour time (no a.m./p.m. to
 * misread at night), and the zone's short name, in the viewer's zone (or in `timeZone`).
 */
export function formatMoment(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    ...(timeZone === undefined ? {} : { timeZone }),
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A `<time>` with the moment in words and the exact instant for machines and tooltips. */
export function Moment({ iso, testId }: { iso: string; testId?: string }) {
  const { language } = useI18n();
  return (
    <time dateTime={iso} title={iso} data-testid={testId}>
      {formatMoment(iso, language)}
    </time>
  );
}

/** Says once per page which zone the times are in, by its full name. */
export function ZoneNote() {
  const { t } = useI18n();
  return (
    <p className="services-zone" data-testid="time-zone-note">
      {t('services.timesIn', { zone: viewerTimeZone() })}
    </p>
  );
}

/**
 * Minutes as people say them: "45 min", "4 h", "1 h 30"; hours beyond a day stay hours
 * ("48 h"), which is how recovery objectives are written. "not set" for none.
 */
export function formatMinutes(minutes: number | null, t: Translate): string {
  if (minutes === null) return t('services.notSet');
  if (minutes < 60) return t('services.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : t('age.hours', { h: hours, mm: String(rest).padStart(2, '0') });
}

/** "RTO 1 h · RPO 5 min". */
export function formatObjectives(rtoMinutes: number | null, rpoMinutes: number | null, t: Translate): string {
  return t('services.objectivesValue', { rto: formatMinutes(rtoMinutes, t), rpo: formatMinutes(rpoMinutes, t) });
}
