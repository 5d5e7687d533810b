import type { ComponentStatus, StatusPage } from './status-page-model.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const words: Record<ComponentStatus, string> = {
  operational: 'Operational', degraded_performance: 'Degraded performance', partial_outage: 'Partial outage', major_outage: 'Major outage',
};
const colours: Record<ComponentStatus, string> = {
  operational: '#1a7f37', degraded_performance: '#9a6700', partial_outage: '#bc4c00', major_outage: '#cf222e',
};
const headline: Record<ComponentStatus, string> = {
  operational: 'All systems operational', degraded_performance: 'Some systems are degraded', partial_outage: 'Partial outage', major_outage: 'Major outage',
};

/**
 * The status page as one self-contained HTML document (no script, inline style): readable without
 * JavaScript, cacheable, and nothing to load from elsewhere. Every text from the database is escaped.
 */
export function renderStatusHtml(page: StatusPage): string {
  const components = page.components.map((component) => {
    const bars = component.history.map((day) => `<i title="${day.date}: ${words[day.status]}" style="background:${colours[day.status]}"></i>`).join('');
    return `<section class="component"><h3>${escapeHtml(component.name)} <span style="color:${colours[component.status]}">${words[component.status]}</span></h3>`
      + `<div class="bars">${bars}</div><p class="muted">${component.uptimePercent.toFixed(2)} % uptime over 90 days</p></section>`;
  }).join('\n');
  const incidents = page.incidents.map((incident) => {
    const updates = incident.updates.map((update) => `<li><b>${escapeHtml(update.phase)}</b> — ${escapeHtml(update.message)} <time datetime="${update.at}">${update.at.slice(0, 16).replace('T', ' ')} UTC</time></li>`).join('');
    return `<article class="incident"><h3>${escapeHtml(incident.components.join(', '))}: ${incident.resolvedAt === null ? words[incident.impact] : 'Resolved'}</h3>`
      + `<p class="muted">Started <time datetime="${incident.startedAt}">${incident.startedAt.slice(0, 16).replace('T', ' ')} UTC</time>`
      + `${incident.resolvedAt === null ? '' : `, resolved <time datetime="${incident.resolvedAt}">${incident.resolvedAt.slice(0, 16).replace('T', ' ')} UTC</time>`}</p>`
      + `${updates === '' ? '' : `<ul>${updates}</ul>`}</article>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Status</title><link rel="alternate" type="application/rss+xml" href="/status/feed.rss" title="Incidents">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.banner{padding:1rem;border-radius:6px;color:#fff}.bars{display:flex;gap:1px}.bars i{flex:1;height:2rem;border-radius:1px}
.muted{color:#59636e;font-size:.9em}h3 span{float:right;font-weight:normal}</style></head>
<body><h1>Status</h1><p class="banner" style="background:${colours[page.status]}">${headline[page.status]}</p>
<h2>Components</h2>
${components === '' ? '<p class="muted">No public component.</p>' : components}
<h2>Incidents</h2>
${incidents === '' ? '<p class="muted">No incident in the last 90 days.</p>' : incidents}
<p class="muted">Updated ${page.generatedAt.slice(0, 16).replace('T', ' ')} UTC · <a href="/status.json">JSON</a> · <a href="/status/feed.rss">RSS</a></p>
</body></html>`;
}

const escapeXml = escapeHtml;

/** The incidents as an RSS 2.0 feed: one item per incident, its latest public update as the description. */
export function renderStatusRss(page: StatusPage, baseUrl: string): string {
  const items = page.incidents.map((incident) => {
    const latest = incident.updates.at(-1);
    const title = `${incident.components.join(', ')}: ${incident.resolvedAt === null ? words[incident.impact] : 'Resolved'}`;
    const description = latest === undefined ? `${incident.phase}` : `${latest.phase}: ${latest.message}`;
    const date = new Date(latest?.at ?? incident.resolvedAt ?? incident.startedAt).toUTCString();
    return `<item><title>${escapeXml(title)}</title><description>${escapeXml(description)}</description>`
      + `<link>${escapeXml(baseUrl)}/status</link><guid isPermaLink="false">${escapeXml(`${incident.id}@${latest?.at ?? incident.resolvedAt ?? incident.startedAt}`)}</guid><pubDate>${date}</pubDate></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Status</title><link>${escapeXml(baseUrl)}/status</link>`
    + `<description>Incidents of the public services</description><lastBuildDate>${new Date(page.generatedAt).toUTCString()}</lastBuildDate>${items}</channel></rss>`;
}
