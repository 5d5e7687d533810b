import type { StatusLanguage } from '../../status-page/status-page-words.js';
import { ackPageStyle } from './ack-page-style.js';
import { ackPageWords, type AckPageWords, type AckRefusal } from './ack-page-words.js';
import type { AckLinkView } from './read-ack-link.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The page of an acknowledge link, one self-contained HTML document: the incident's severity and
 * state, its title, services and age, what has been done (by the holder or someone else), the
 * buttons the link may press now — first, so that they sit on a phone's first screen — then the
 * first alert. A plain form: no script. Every text from the database is escaped.
 */
export function renderAckPage(
  view: AckLinkView,
  options: { token: string; language: StatusLanguage; now: Date },
): string {
  const { incident, holder } = view;
  const { language, now } = options;
  const w = ackPageWords[language];
  const at = (date: Date) => timeIn(date, holder.timeZone, language, now);
  const self = `/ack/${encodeURIComponent(options.token)}`;
  const query = `?lang=${language}`;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(incident.detectedAt)) / 60_000));
  const age =
    incident.status === 'resolved' ? '' : ` · ${w.openFor(w.duration(Math.floor(minutes / 60), minutes % 60))}`;
  const services = incident.services.length === 0 ? w.noService : incident.services.join(', ');
  const buttons = view.actions
    .map(
      (action, index) =>
        `<button type="submit" name="action" value="${action}" class="${index === 0 ? 'primary' : 'secondary'}">${w.button[action]}</button>`,
    )
    .join('');
  const alert =
    view.firstAlert === null
      ? ''
      : `<section><h2>${w.firstAlert}</h2><p><strong>${escapeHtml(view.firstAlert.title)}</strong></p>` +
        `${view.firstAlert.description === null ? '' : `<p>${escapeHtml(view.firstAlert.description)}</p>`}</section>`;
  const summary = incident.summary.trim() === '' ? '' : `<section><p>${escapeHtml(incident.summary)}</p></section>`;
  return page(
    language,
    `${escapeHtml(incident.id)} · ${escapeHtml(incident.title)}`,
    `<p class="chips"><span class="chip sev sev-${incident.severity}">${incident.severity}</span>` +
      `<span class="chip">${w.status[incident.status]}</span><span class="chip">${escapeHtml(incident.id)}</span></p>` +
      `<h1>${escapeHtml(incident.title)}</h1>` +
      `<p class="meta">${w.services}: ${escapeHtml(services)}${age}</p>` +
      resultOf(view, w, at) +
      (buttons === '' ? '' : `<form method="post" action="${self}${query}">${buttons}</form>`) +
      alert +
      summary +
      `<p class="foot">${escapeHtml(w.forYou(holder.name))} · <a href="/incidents/${encodeURIComponent(incident.id)}">${w.openConsole}</a>` +
      ` · <a href="${self}?lang=${language === 'fr' ? 'en' : 'fr'}" lang="${language === 'fr' ? 'en' : 'fr'}">${w.otherLanguage}</a></p>`,
  );
}

/** The page a link that cannot be used answers with: why, and where to go instead. */
export function renderAckRefusal(refusal: AckRefusal, language: StatusLanguage): string {
  const w = ackPageWords[language];
  return page(
    language,
    w.refused.title,
    `<h1>${w.refused.title}</h1><p class="result stop">${w.refused.why[refusal]}</p><p class="foot"><a href="/">${w.openConsole}</a></p>`,
  );
}

/** What has happened to the incident, as its holder needs to know before pressing anything. */
function resultOf(view: AckLinkView, w: AckPageWords, at: (date: Date) => string): string {
  const you = (by: { id: string | null }) => by.id === view.holder.id;
  if (view.resolved !== null) {
    const text = you(view.resolved.by)
      ? w.youResolved(at(view.resolved.at))
      : `${w.resolvedBy(escapeHtml(view.resolved.by.name), at(view.resolved.at))} ${w.linkRevoked}`;
    return `<p class="result" role="status">${text}</p>`;
  }
  const acknowledged = view.acknowledged;
  if (acknowledged === null) return '';
  const text = you(acknowledged.by)
    ? w.youAcknowledged(at(acknowledged.at))
    : w.acknowledgedBy(escapeHtml(acknowledged.by.name), at(acknowledged.at));
  return `<p class="result${you(acknowledged.by) ? '' : ' stop'}" role="status">${text}</p>`;
}

function page(language: StatusLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="robots" content="noindex"><title>${title}</title>
<style>${ackPageStyle}</style></head>
<body><main>${body}</main></body></html>`;
}

/** `03:12 UTC+1` in the holder's zone, with the day when it is not within the last 12 hours. */
function timeIn(date: Date, timeZone: string, language: StatusLanguage, now: Date): string {
  const recent = Math.abs(now.getTime() - date.getTime()) < 12 * 3_600_000;
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(recent ? {} : { day: 'numeric', month: 'short' }),
  };
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  let text: string;
  try {
    text = new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    // A zone the runtime does not know (set long ago, since renamed): UTC rather than no page.
    text = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  }
  return `<time datetime="${date.toISOString()}">${text}</time>`;
}
