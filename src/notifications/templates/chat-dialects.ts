/**
 * How each output escapes what a template inserts, and the Slack flavour of the chat Markdown.
 * The default and admin templates are written once in common Markdown (bold, links, lists);
 * Mattermost and Teams read it as is, Slack's mrkdwn spells bold and links differently.
 */

/** HTML: the five special characters, and newlines kept as line breaks (summaries have them). */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>\n');
}

/** Slack mrkdwn: `&`, `<` and `>` are control characters there; the rest shows as typed. */
export function escapeSlackText(value: unknown): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text, Markdown for Mattermost and Teams, SMS: values are inserted as they are. */
export function keepText(value: unknown): string {
  return String(value);
}

/**
 * Rewrites a Markdown template into a Slack mrkdwn template: `[label](url)` → `<url|label>`,
 * `**bold**` → `*bold*`, `# Heading` → `*Heading*`. The template source is rewritten, before
 * rendering, so that text inside an incident's title is never taken for syntax.
 */
export function toSlackTemplate(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '<$2|$1>')
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/^#{1,6}[ \t]+(.+)$/gm, '*$1*');
}
