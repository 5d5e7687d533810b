import { requireRole } from '../core/authorize.js';
import type { Ctx } from '../core/context.js';
import { loadPostmortem } from './postmortem-store.js';
import { renderPostmortemHtml } from './render-postmortem-html.js';
import { renderPostmortemMarkdown } from './render-postmortem-markdown.js';

export const exportFormats = ['markdown', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A rendered export and how to label it. */
export interface PostmortemExport {
  contentType: string;
  filename: string;
  body: string;
}

/** The post-mortem of an incident as Markdown or as printable HTML (viewer). */
export async function exportPostmortem({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { id: string; format: ExportFormat };
}): Promise<PostmortemExport> {
  requireRole(ctx, 'viewer');
  const now = ctx.now();
  const postmortem = await loadPostmortem(ctx.db, input.id, now);
  const base = `postmortem-${postmortem.incidentId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return input.format === 'html'
    ? { contentType: 'text/html; charset=utf-8', filename: `${base}.html`, body: renderPostmortemHtml(postmortem, now) }
    : {
        contentType: 'text/markdown; charset=utf-8',
        filename: `${base}.md`,
        body: renderPostmortemMarkdown(postmortem, now),
      };
}
