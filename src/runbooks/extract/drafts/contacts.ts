import type { ListItem, Table } from 'mdast';
import type { Draft, LineRange } from '../../runbook-model.js';
import { bareUrlsIn } from '../bare-urls.js';
import type { OutlineNode } from '../build-outline.js';
import { channelLabel, hasAddress, looksLikePersonName, readAddresses } from './contact-address.js';
import type { Contact, ContactsData } from './draft-data.js';
import { allNodes, ancestorsOf, cleanLabel, titleNames } from './draft-titles.js';
import {
  collapse,
  columnIndex,
  firstParagraph,
  itemParts,
  joinRanges,
  listsOf,
  plain,
  rangeOf,
  splitPlainLabel,
  tableRows,
} from './md-blocks.js';

/**
 * Contacts: `- **Équipe DevOps**: devops@atmr.com` items and contact tables under a contacts title
 * ("Contacts d'urgence", "Vendors", "Canal de Communication" …). The sub-headings of such a title
 * are groups ("Management", "Services Externes"); one draft per outermost contacts title.
 */
export function extractContacts(outline: OutlineNode): Draft[] {
  const drafts: Draft[] = [];
  for (const node of allNodes(outline)) {
    if (
      !titleNames(node.title, 'contacts') ||
      ancestorsOf(node).some((ancestor) => titleNames(ancestor.title, 'contacts'))
    )
      continue;
    const contacts: Contact[] = [];
    let range: LineRange | null = null;
    const groups: [OutlineNode, string | null][] = [[node, null], ...groupsUnder(node)];
    for (const [part, group] of groups) {
      for (const block of part.blocks) {
        const found =
          block.type === 'list'
            ? listsOf([block]).flatMap((list) => list.children.flatMap((item) => fromItem(item, group)))
            : block.type === 'table'
              ? fromTable(block, group)
              : [];
        if (found.length === 0) continue;
        contacts.push(...found);
        range = joinRanges(range, rangeOf([block]));
      }
    }
    if (contacts.length === 0 || range === null) continue;
    drafts.push({
      kind: 'contacts',
      title: node.title,
      data: { contacts } satisfies ContactsData,
      lines: { start: node.lines.start, end: range.end },
    });
  }
  return drafts;
}

/** Every node below a contacts title, grouped under its own title. */
function groupsUnder(node: OutlineNode): [OutlineNode, string][] {
  return allNodes(node)
    .slice(1)
    .map((descendant): [OutlineNode, string] => [descendant, descendant.title]);
}

/** `**Label**: value`, `Label: value`, or a bare address; other items are not contacts. */
function fromItem(item: ListItem, group: string | null): Contact[] {
  const parts = itemParts(item);
  const split = parts.label === null ? splitPlainLabel(parts.text) : { label: parts.label, rest: parts.rest };
  // Link targets, Markdown links and bare addresses alike (`www.stripe.com` has no `http` to find in the text).
  const links = (firstParagraph(item)?.children ?? []).flatMap((child) =>
    child.type === 'link' ? [child.url] : child.type === 'text' ? bareUrlsIn(child.value) : [],
  );
  const label = split === null ? null : cleanLabel(split.label);
  const addresses = readAddresses(split?.rest ?? parts.text, links);
  const isChannel = label !== null && channelLabel.test(label);
  if (
    !hasAddress(addresses) &&
    !addresses.placeholder &&
    !isChannel &&
    !(label !== null && looksLikePersonName(addresses.rest))
  )
    return [];
  let name = label ?? addresses.rest;
  let role = label;
  if (isChannel) {
    // `**Slack**: #alerts` names the channel; `**Téléphone**: Astreinte 24/7` names who answers.
    name = addresses.rest === '' ? label : addresses.rest;
    role = null;
    if (
      addresses.chat === null &&
      /slack|teams|discord|mattermost|chat|canal|channel/i.test(label) &&
      addresses.rest !== ''
    )
      addresses.chat = addresses.rest;
  } else if (label !== null && looksLikePersonName(addresses.rest)) {
    name = addresses.rest
      .replace(/[,;:\-–—|/]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  if (name === '') name = addresses.email ?? addresses.phone ?? addresses.chat ?? addresses.url ?? parts.text;
  return [
    {
      name,
      role,
      group,
      email: addresses.email,
      phone: addresses.phone,
      chat: addresses.chat,
      url: addresses.url,
      placeholder: addresses.placeholder,
      raw: parts.text,
      line: parts.line,
    },
  ];
}

/** A table with e-mail, phone, chat or contact columns (escalation tables have none of these). */
function fromTable(table: Table, group: string | null): Contact[] {
  const { header, rows } = tableRows(table);
  const nameColumn = columnIndex(header, /^(nom|name|qui|who|personne|person|contact)\b/);
  const roleColumn = columnIndex(header, /role|fonction|poste|title|equipe|team|responsab|service/);
  const addressColumns = header
    .map((_, index) => index)
    .filter((index) =>
      /mail|tel|phone|mobile|portable|gsm|numero|slack|teams|chat|canal|channel|url|lien|link|site|contact|joindre|reach/.test(
        plain(header[index]!),
      ),
    );
  if (addressColumns.length === 0) return [];
  return rows.flatMap((row) => {
    const cell = (index: number): string => (index < 0 ? '' : (row.cells[index] ?? ''));
    const addresses = readAddresses(addressColumns.map(cell).join(' , '));
    const name = cell(nameColumn) === '' || addressColumns.includes(nameColumn) ? cell(roleColumn) : cell(nameColumn);
    if (name === '' && !hasAddress(addresses)) return [];
    return [
      {
        name: name === '' ? (addresses.email ?? addresses.phone ?? '') : name,
        role: roleColumn >= 0 && cell(roleColumn) !== '' ? cell(roleColumn) : null,
        group,
        email: addresses.email,
        phone: addresses.phone,
        chat: addresses.chat,
        url: addresses.url,
        placeholder: addresses.placeholder,
        raw: collapse(row.cells.join(' | ')),
        line: row.line,
      },
    ];
  });
}
