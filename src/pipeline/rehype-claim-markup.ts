/**
 * rehype plugin: the reader-facing markup around anchored claims.
 *
 * remark-anchor-claims leaves each passage as `<span class="claim" id="claim-ID">`.
 * This plugin labels the span's start and end for screen readers, puts a numbered
 * marker link after it, and after the block that holds it an `<aside>` with the
 * notes of every claim in that block, in the order of their numbers (nested claims included).
 *
 * Where an aside goes, so the HTML stays valid:
 * - paragraph or heading (also in a blockquote or a loose list item): right after it;
 * - tight list item (no `<p>`): inside the `<li>`, before any nested list;
 * - table cell: after the table (one aside for all the table's claims);
 * - title or subtitle: not in the body at all, but in `file.data.headNotes`, for
 *   the page to put after its own headline.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { badgeContent, claimLabel, KIND_LABEL } from '../model/labels.ts';
import { BLOCK_TAGS } from '../model/blocks.ts';
import { noteRecord } from './note-record.ts';
import type { ClaimKind, HistoryEntry, Rating } from './types.ts';

export interface MarkupClaim {
  id: string;
  /** 1-based number in reading order: the order of the markers (reading-order.ts). */
  number: number;
  kind: ClaimKind;
  rating?: Rating;
  summary: string;
  /** The passage as it stands in the text, for the search sub-result's title. */
  passage: string;
  /** The rendered note (see render-note.ts), inserted as is. */
  note: Root;
  /** The latest correction and a reply's author and date, shown under the note (note-record.ts). */
  update?: HistoryEntry | undefined;
  reply?: { by: string; date: string } | undefined;
}

export interface ClaimMarkupOptions {
  claims: MarkupClaim[];
  /** Blocks whose notes go to `file.data.headNotes` instead of the body. Default title, subtitle. */
  headBlockIds?: string[];
}

declare module 'vfile' {
  interface DataMap {
    /** The aside with the notes on claims in the title and subtitle, if any. */
    headNotes: Element;
  }
}

const HEADING = /^h([1-6])$/;

/** Where one aside goes and which claims it holds. */
interface NotesGroup {
  /** The element the aside follows (or, for a tight list item, goes inside). */
  anchor: Element;
  blockId: string;
  what: 'paragraph' | 'heading' | 'list item' | 'table' | 'headline';
  claims: MarkupClaim[];
}

export default function rehypeClaimMarkup(options: ClaimMarkupOptions) {
  const byId = new Map(options.claims.map((claim) => [claim.id, claim]));
  const headBlockIds = new Set(options.headBlockIds ?? ['title', 'subtitle']);

  return (tree: Root, file: VFile): void => {
    const spans: { span: Element; parent: Element | Root; claim: MarkupClaim }[] = [];
    const groups = new Map<Element, NotesGroup>();
    let headGroup: NotesGroup | undefined;
    // The heading level the notes sit under: the page's h1, then the latest body heading.
    let level = 1;
    const levels = new Map<NotesGroup, number>();

    visitParents(tree, 'element', (node, ancestors) => {
      const heading = HEADING.exec(node.tagName);
      if (heading && !headBlockIds.has(String(node.properties.id))) level = Number(heading[1]);
      const claim = claimOf(node, byId);
      if (!claim) return;
      spans.push({ span: node, parent: ancestors.at(-1) as Element | Root, claim });

      const block = ancestors.findLast((a): a is Element => a.type === 'element' && BLOCK_TAGS.has(a.tagName));
      const blockId = String(block?.properties.id ?? '');
      let group: NotesGroup | undefined;
      if (block && headBlockIds.has(blockId)) {
        headGroup ??= { anchor: block, blockId, what: 'headline', claims: [] };
        group = headGroup;
      } else {
        const place = placeOf(block, ancestors);
        group = groups.get(place.anchor);
        if (!group) {
          group = { ...place, blockId: String(place.anchor.properties.id ?? blockId), claims: [] };
          groups.set(place.anchor, group);
          levels.set(group, level);
        }
      }
      group.claims.push(claim);
    });

    for (const { span, parent, claim } of spans) decorate(span, parent, claim);
    for (const group of groups.values()) insertAside(tree, group, aside(group, levels.get(group) ?? 1));
    if (headGroup) file.data.headNotes = aside(headGroup, 1);
  };
}

function claimOf(node: Element, byId: Map<string, MarkupClaim>): MarkupClaim | undefined {
  const classes = node.properties.className;
  if (!Array.isArray(classes) || !classes.includes('claim')) return undefined;
  const id = node.properties.dataClaim;
  return typeof id === 'string' ? byId.get(id) : undefined;
}

/** Where the aside for a claim in `block` goes: see the module comment. */
function placeOf(
  block: Element | undefined,
  ancestors: (Element | Root)[],
): Pick<NotesGroup, 'anchor' | 'what'> {
  if (!block) {
    // A claim outside any block (not produced by remark-anchor-claims): after its outermost element.
    const top = ancestors.find((a): a is Element => a.type === 'element');
    if (!top) throw new Error('rehype-claim-markup: a claim span sits directly in the root');
    return { anchor: top, what: 'paragraph' };
  }
  if (block.tagName === 'td' || block.tagName === 'th') {
    const table = ancestors.findLast((a): a is Element => a.type === 'element' && a.tagName === 'table');
    if (table) return { anchor: table, what: 'table' };
  }
  if (block.tagName === 'li') return { anchor: block, what: 'list item' };
  if (HEADING.test(block.tagName)) return { anchor: block, what: 'heading' };
  return { anchor: block, what: 'paragraph' };
}

/** Data attributes, screen-reader boundary labels and the marker after the span. */
function decorate(span: Element, parent: Element | Root, claim: MarkupClaim): void {
  // `data-claim` told this plugin which claim the span is; the page has the id for that.
  delete span.properties.dataClaim;
  Object.assign(span.properties, {
    dataKind: claim.kind,
    dataRating: claim.rating,
    dataPagefindTitle: claim.passage,
  });
  const label = claimLabel(claim.kind, claim.rating);
  span.children.unshift(srOnly(`Claim, ${label.charAt(0).toLowerCase()}${label.slice(1)}: `));
  span.children.push(srOnly(' (end of claim)'));
  const siblings = parent.children as RootContent[];
  const index = siblings.indexOf(span);
  const next = siblings[index + 1];
  const punctuation = next?.type === 'text' ? CLOSING_PUNCTUATION.exec(next.value)?.[0] : undefined;
  if (!next || next.type !== 'text' || !punctuation) {
    siblings.splice(index + 1, 0, marker(claim));
    return;
  }
  // The marker is an inline box, so a line may break between it and a "." after it,
  // leaving the full stop alone at the start of a line: keep them together.
  next.value = next.value.slice(punctuation.length);
  const end = h('span', { className: ['claim-end'] }, marker(claim), punctuation);
  siblings.splice(index + 1, next.value === '' ? 1 : 0, end);
}

/** Punctuation that closes a phrase and must not start a line. */
const CLOSING_PUNCTUATION = /^[.,;:!?…)\]}»”’]+/u;

/** Kept out of the search index by pagefind.yml (`.sr-only`), out of search highlights by search-entry.ts. */
function srOnly(text: string): Element {
  return h('span', { className: ['sr-only'] }, text);
}

/**
 * What gives a marker or a note its colour (base.css sets --rating from either): the rating, or
 * for an unrated claim its kind. The kind of a rated claim is on its passage and in its label.
 */
const ratingOrKind = (claim: MarkupClaim) => (claim.rating ? { dataRating: claim.rating } : { dataKind: claim.kind });

function marker(claim: MarkupClaim): Element {
  return h(
    'a',
    {
      className: ['claim-marker'],
      href: `#note-${claim.id}`,
      id: `marker-${claim.id}`,
      ...ratingOrKind(claim),
      ariaLabel: `Note ${claim.number}: ${claimLabel(claim.kind, claim.rating)}`,
    },
    h('span', { ariaHidden: 'true' }, badgeContent(claim.kind, claim.rating).symbol),
    h('span', { className: ['claim-marker-n'] }, String(claim.number)),
  );
}

/** "Note 3", "Notes 3 and 4", "Notes 3–5": gives each aside landmark a name of its own. */
function notesName(claims: MarkupClaim[]): string {
  const numbers = claims.map((claim) => claim.number).sort((a, b) => a - b);
  const first = numbers[0];
  const last = numbers.at(-1);
  if (numbers.length === 1) return `Note ${first}`;
  if (numbers.length === 2) return `Notes ${first} and ${last}`;
  return `Notes ${first}–${last}`;
}

function aside(group: NotesGroup, level: number): Element {
  const where = group.what === 'headline' ? 'the headline' : `this ${group.what}`;
  return h(
    'aside',
    { className: ['claim-notes'], ariaLabel: `${notesName(group.claims)} on ${where}` },
    // In the order of their numbers, which is the order of their markers (reading-order.ts).
    [...group.claims].sort((a, b) => a.number - b.number).map((claim) => noteSection(claim, Math.min(6, level + 1))),
  );
}

function noteSection(claim: MarkupClaim, level: number): Element {
  const { symbol, word } = badgeContent(claim.kind, claim.rating);
  // Its colour comes from the note around it.
  const badge = h(
    'span',
    { className: ['badge'] },
    h('span', { ariaHidden: 'true' }, symbol),
    ` ${word}`,
  );
  return h(
    'section',
    // Not a labelled region: the aside around it is the landmark, and its heading names the note.
    { className: ['note'], id: `note-${claim.id}`, ...ratingOrKind(claim) },
    h(
      `h${level}`,
      { className: ['note-heading'] },
      // "Note " is for screen readers: a heading that reads just "3" says nothing.
      h('span', { className: ['note-n'] }, h('span', { className: ['sr-only'] }, 'Note '), String(claim.number)),
      ' ',
      badge,
      ' ',
      h('span', { className: ['note-kind'] }, KIND_LABEL[claim.kind]),
    ),
    h('p', { className: ['note-summary'] }, claim.summary),
    // A copy: the same note may also be shown elsewhere (claim pages use noteHtml).
    h('div', { className: ['note-body'] }, structuredClone(claim.note.children) as ElementContent[]),
    // The note's actions, at most two (docs/reading.md): "Share" leads to the claim's own page,
    // which has its address and a copy button. The note sits by its passage at every width, so
    // it needs no "back to the text".
    h(
      'p',
      { className: ['note-links'] },
      h('a', { href: `claims/${claim.id}/` }, 'Share', h('span', { className: ['sr-only'] }, ` claim ${claim.number}`)),
    ),
    ...noteRecord(claim),
  );
}

function insertAside(tree: Root, group: NotesGroup, notes: Element): void {
  const { anchor } = group;
  if (group.what === 'list item') {
    // Inside the <li>: after its own text, before a nested list.
    const nested = anchor.children.findIndex((c) => c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol'));
    anchor.children.splice(nested === -1 ? anchor.children.length : nested, 0, notes);
    return;
  }
  const parent = parentOf(tree, anchor);
  if (parent) parent.children.splice(parent.children.indexOf(anchor) + 1, 0, notes as never);
}

/**
 * Each element's parent, from one walk of the tree, kept while asides are inserted (inserting
 * never moves an existing element). Walking the whole tree once per aside, with ancestor lists,
 * was a tenth of an article's rendering time (see docs/performance.md).
 */
const parentsByTree = new WeakMap<Root, Map<Element, Element | Root>>();
function parentOf(tree: Root, node: Element): Element | Root | undefined {
  let parents = parentsByTree.get(tree);
  if (!parents?.has(node)) {
    parents = new Map();
    const walk = (parent: Element | Root) => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        parents!.set(child, parent);
        walk(child);
      }
    };
    walk(tree);
    parentsByTree.set(tree, parents);
  }
  return parents.get(node);
}
