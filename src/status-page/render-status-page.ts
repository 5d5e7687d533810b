import type { ComponentStatus, StatusPage } from './status-page-model.js';
import { statusWords, type StatusLanguage } from './status-page-words.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const colours: Record<ComponentStatus, string> = {
  operational: '#1a7f37',
  degraded_performance: '#9a6700',
  partial_outage: '#bc4c00',
  major_outage: '#cf222e',
};
/** `2026-12-05 03:04 UTC`: one unambiguous clock for every reader of a public page. */
const utc = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The status page as one self-contained HTML document (no script, inline style): readable without
 * JavaScript, cacheable, and nothing to load from elsewhere. Every text from the database is
 * escaped. In English or French; a link switches.
 */
export function renderStatusHtml(page: StatusPage, language: StatusLanguage = 'en'): string {
  const w = statusWords[language];
  const words = w.status;
  const phaseName = (phase: string): string => w.phase[phase] ?? phase;
  const components = page.components
    .map((component) => {
      const bars = component.history
        .map((day) => `<i title="${day.date}: ${words[day.status]}" style="background:${colours[day.status]}"></i>`)
        .join('');
      return (
        `<section class="component"><h3>${escapeHtml(component.name)} <span style="color:${colours[component.status]}">${words[component.status]}</span></h3>` +
        `<div class="bars">${bars}</div><p class="muted">${w.uptime(component.uptimePercent.toFixed(2))}</p></section>`
      );
    })
    .join('\n');
  const incidents = page.incidents
    .map((incident) => {
      const updates = incident.updates
        .map(
          (update) =>
            `<li><b>${escapeHtml(phaseName(update.phase))}</b> — ${escapeHtml(update.message)} <time datetime="${update.at}">${utc(update.at)}</time></li>`,
        )
        .join('');
      return (
        `<article class="incident"><h3>${escapeHtml(incident.components.join(', '))}: ${incident.resolvedAt === null ? words[incident.impact] : w.resolved}</h3>` +
        `<p class="muted">${w.started} <time datetime="${incident.startedAt}">${utc(incident.startedAt)}</time>` +
        `${incident.resolvedAt === null ? '' : `, ${w.resolvedAt} <time datetime="${incident.resolvedAt}">${utc(incident.resolvedAt)}</time>`}</p>` +
        `${updates === '' ? '' : `<ul>${updates}</ul>`}</article>`
      );
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${w.title}</title><link rel="alternate" type="application/rss+xml" href="/status/feed.rss" title="Incidents">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.banner{padding:1rem;border-radius:6px;color:#fff}.bars{display:flex;gap:1px}.bars i{flex:1;height:2rem;border-radius:1px}
.muted{color:#59636e;font-size:.9em}h3 span{float:right;font-weight:normal}</style></head>
<body><h1>${w.title}</h1><p class="banner" style="background:${colours[page.status]}">${w.headline[page.status]}</p>
<h2>${w.components}</h2>
${components === '' ? `<p class="muted">${w.noComponent}</p>` : components}
<h2>${w.incidents}</h2>
${incidents === '' ? `<p class="muted">${w.noIncident}</p>` : incidents}
<p class="muted">${w.updated} ${utc(page.generatedAt)} · <a href="/status.json">JSON</a> · <a href="/status/feed.rss?lang=${language}">RSS</a> · <a href="/status?lang=${language === 'fr' ? 'en' : 'fr'}" lang="${language === 'fr' ? 'en' : 'fr'}">${w.otherLanguage}</a></p>
</body></html>`;
}

const escapeXml = escapeHtml;

/** The incidents as an RSS 2.0 feed: one item per incident, its latest public update as the description. */
export function renderStatusRss(page: StatusPage, baseUrl: string, language: StatusLanguage = 'en'): string {
  const w = statusWords[language];
  const words = w.status;
  const items = page.incidents
    .map((incident) => {
      const latest = incident.updates.at(-1);
      const title = `${incident.components.join(', ')}: ${incident.resolvedAt === null ? words[incident.impact] : w.resolved}`;
      const description =
        latest === undefined
          ? (w.phase[incident.phase] ?? incident.phase)
          : `${w.phase[latest.phase] ?? latest.phase}: ${latest.message}`;
      const date = new Date(latest?.at ?? incident.resolvedAt ?? incident.startedAt).toUTCString();
      return (
        `<item><title>${escapeXml(title)}</title><description>${escapeXml(description)}</description>` +
        `<link>${escapeXml(baseUrl)}/status</link><guid isPermaLink="false">${escapeXml(`${incident.id}@${latest?.at ?? incident.resolvedAt ?? incident.startedAt}`)}</guid><pubDate>${date}</pubDate></item>`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${w.title}</title><language>${language}</language><link>${escapeXml(baseUrl)}/status</link>` +
    `<description>${w.feedDescription}</description><lastBuildDate>${new Date(page.generatedAt).toUTCString()}</lastBuildDate>${items}</channel></rss>`
  );
}
