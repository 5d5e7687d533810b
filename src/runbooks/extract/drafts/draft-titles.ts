import type { OutlineNode } from '../build-outline.js';
import { hasRunbookMarker, sectionKindOf } from '../classify-title.js';
import { normalizeTitle } from '../normalize-title.js';

/**
 * What a title names, matched anywhere in it rather than at its start as `draftKindOf` does:
 * titles combine subjects ("Contacts & Escalade", "Monitoring et Alertes") and some arrive with
 * leftovers of a broken emoji in front of the words.
 */
const titleWords = {
  severity: /\b(classification|severit\w*|gravite|criticite|priorit\w*|incident (levels|classes))\b/,
  escalation: /\b(escalad\w*|escalat\w*)\b/,
  contacts:
    /\b(contacts?|annuaire|points? de contact|vendors?|fournisseurs?|canal de communication|canaux de communication|communication channels?|who to call|qui appeler)\b/,
  /** Every item under such a title is an alert, even without a threshold ("Database Down"). */
  alerts: /\b(alert\w*|alarm\w*)\b/,
  /** Items under such a title are alerts only when they state a threshold. */
  metrics: /\b(metriques?|metrics?|monitoring|surveillance|seuils?|thresholds?|slos?|slas?|kpis?|indicateurs?)\b/,
  template: /\b(templates?|modeles?|gabarits?)\b/,
  message: /\b(communications?|messages?|e ?mails?|mail|notifications?|annonces?|status|statut|slack|sms)\b/,
  checklist: /\b(checklists?|check list|liste de (controle|verification))\b/,
  postmortem: /\b(post ?mortems?|retex|retour d experience|rca|incident reviews?|revue d incident)\b/,
} as const;

export type TitleSubject = keyof typeof titleWords;

/** Whether a title names a subject (see `titleWords`). */
export function titleNames(title: string, subject: TitleSubject): boolean {
  return titleWords[subject].test(normalizeTitle(title));
}

/** Whether a title names a message template ("Template de Communication", "Email template"). */
export function namesMessageTemplate(title: string): boolean {
  return titleNames(title, 'template') && titleNames(title, 'message') && !titleNames(title, 'postmortem');
}

/** Every node of the outline, parents before children, in document order. */
export function allNodes(outline: OutlineNode): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  const visit = (node: OutlineNode): void => {
    nodes.push(node);
    node.children.forEach(visit);
  };
  visit(outline);
  return nodes;
}

/** The node's ancestors, nearest first (the root excluded). */
export function ancestorsOf(node: OutlineNode): OutlineNode[] {
  const ancestors: OutlineNode[] = [];
  for (let parent = node.parent; parent !== null && parent.origin !== 'root'; parent = parent.parent)
    ancestors.push(parent);
  return ancestors;
}

/**
 * The title a draft is shown under. A section word alone ("Prévention", "Monitoring") inside a
 * runbook does not say which runbook it belongs to, so it is prefixed with the nearest telling
 * heading: `Cache Redis Down › Prévention`.
 */
export function draftTitle(node: OutlineNode, own?: string): string {
  const title = own ?? node.title;
  const insideRunbook =
    node.origin === 'label' || ancestorsOf(node).some((ancestor) => hasRunbookMarker(ancestor.title));
  if (!insideRunbook || (own === undefined && sectionKindOf(title) === null)) return title;
  // A title of the draft's own (a code block's caption) is placed under its heading, if telling.
  const candidates = own === undefined ? ancestorsOf(node) : [node, ...ancestorsOf(node)];
  const context = candidates.find(
    (candidate) => candidate.origin === 'heading' && sectionKindOf(candidate.title) === null,
  );
  if (context === undefined) return title;
  return `${withoutRunbookPrefix(context.title)} › ${title}`;
}

/** `RUNBOOK: Cache Redis Down` → `Cache Redis Down`. */
function withoutRunbookPrefix(title: string): string {
  return title.replace(/^(?:runbook|playbook)\s*[:\-–—]\s*/i, '').trim();
}

/** Plain text of a title for display: Markdown emphasis marks and trailing colons dropped. */
export function cleanLabel(text: string): string {
  return text
    .replace(/[*_`]+/g, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
