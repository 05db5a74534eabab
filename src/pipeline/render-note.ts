/**
 * A note's Markdown → safe HTML, with `[^source-id]` citations → numbered links.
 *
 * Notes are written by editors and are not trusted: raw HTML is not rendered,
 * only http, https and mailto links keep their target, images are not loaded,
 * and the result goes through rehype-sanitize before the (trusted) citation ids
 * are added. Used for claim notes and for the article's assessment and context.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Data, Nodes, Parents, PhrasingContent, Root, RootContent, Text } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { CITATION, hasCitation } from '../model/citation.ts';
import { curlyQuotes } from './typography.ts';
import { checkMarkdownLimits } from './markdown-limits.ts';
import type { MarkdownLimitProblem } from './markdown-limits.ts';

export interface CitationTarget {
  /** The source's footnote number on the page. */
  number: number;
  /** Page-unique id for this citation's link, so the source list can link back to it. */
  backrefId: string;
}

export interface NoteContext {
  /** The claim the note belongs to; undefined for the article's assessment and context. */
  claimId?: string;
  /** Called once per citation, in text order; undefined when no source has that id. */
  cite: (sourceId: string) => CitationTarget | undefined;
  /** id of the element naming the source list (`aria-describedby` of each citation). Default 'sources-heading'. */
  describedBy?: string;
}

export interface RenderedNote {
  html: string;
  /** The same content as a hast tree, for inserting into the article without re-parsing. */
  hast: HastRoot;
  /** Ids of the sources cited, in order of first citation. */
  citedSourceIds: string[];
  /** Ids cited with `[^id]` for which `cite` knew no source, in order of first use. */
  unknownSourceIds: string[];
  /** Things written in the note that are not shown as written (raw HTML, footnote definitions). */
  dropped: string[];
  /** Link targets shown as plain text: anything but an absolute http(s) or mailto address. */
  unlinked: string[];
  /** Why the note was not rendered at all: it asks for more work than the limits allow (markdown-limits.ts). */
  refused: MarkdownLimitProblem[];
}

/**
 * `defaultSchema` (GitHub's), narrowed: no images, no ids or names, no GFM footnote
 * attributes, links only to http, https and mailto (relative `#…` links too: they
 * cannot run code); widened by one thing, the citation's `<sup class="cite">`.
 */
export const noteSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !['img', 'picture', 'source'].includes(name)),
  attributes: {
    ...defaultSchema.attributes,
    a: ['href'],
    h2: [],
    section: [],
    sup: [['className', 'cite']],
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((name) => name !== 'id' && name !== 'name'),
  },
  clobber: [],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};


interface NoteCitation extends Node {
  type: 'noteCitation';
  sourceId: string;
  data: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    noteCitation: NoteCitation;
  }
  interface RootContentMap {
    noteCitation: NoteCitation;
  }
}

const parser = unified().use(remarkParse).use(remarkGfm);
const toSafeHast = unified()
  .use(remarkRehype) // no allowDangerousHtml: raw HTML nodes are dropped here
  .use(rehypeSanitize, noteSchema);
const stringifier = unified().use(rehypeStringify);

export function renderNote(markdown: string, ctx: NoteContext): RenderedNote {
  const refused = checkMarkdownLimits(markdown);
  if (refused.length > 0) {
    return { html: '', hast: { type: 'root', children: [] }, citedSourceIds: [], unknownSourceIds: [], dropped: [], unlinked: [], refused };
  }
  const mdast = parser.runSync(parser.parse(markdown)) as Root;
  const dropped = neutralise(mdast);
  // Curly quotes, as in the article's text (code keeps its straight ones: it is not a text node).
  visit(mdast, 'text', (node) => {
    node.value = curlyQuotes(node.value);
  });
  const unlinked = unlinkLocal(mdast);

  const cited: string[] = [];
  const unknown: string[] = [];
  const targets: CitationTarget[] = [];
  const citation = (sourceId: string): NoteCitation | undefined => {
    const target = ctx.cite(sourceId);
    if (!target) {
      if (!unknown.includes(sourceId)) unknown.push(sourceId);
      return undefined;
    }
    if (!cited.includes(sourceId)) cited.push(sourceId);
    targets.push(target);
    return citationNode(sourceId, target.number);
  };
  replaceCitations(mdast, citation);

  const hast = toSafeHast.runSync(mdast) as HastRoot;
  addCitationIds(hast, targets, ctx.describedBy ?? 'sources-heading');
  addExternalRel(hast);
  return {
    html: stringifier.stringify(hast),
    hast,
    citedSourceIds: cited,
    unknownSourceIds: unknown,
    dropped,
    unlinked,
    refused,
  };
}

/**
 * Links to anything but an absolute http(s) or mailto address become their text: a note is
 * shown on the article page and on its claim page, where a relative link (`../x`, `#p-…`) would
 * lead to different places, and `//host` would take the page's scheme unseen.
 */
function unlinkLocal(tree: Root): string[] {
  const unlinked: string[] = [];
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'link' && node.type !== 'linkReference') || !parent || index === undefined) return undefined;
    const url = node.type === 'link' ? node.url : definitions.get(node.identifier);
    if (url === undefined || /^(https?:\/\/[^/]|mailto:)/i.test(url)) return undefined;
    unlinked.push(url);
    parent.children.splice(index, 1, ...(node.children as never[]));
    return index;
  });
  return unlinked;
}

/** Images become their alt text, note headings sit under the note's own h2, definitions go. */
function neutralise(tree: Root): string[] {
  const dropped: string[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type === 'html') {
      if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) dropped.push(`raw HTML ${JSON.stringify(node.value.trim())}`);
    } else if ((node.type === 'image' || node.type === 'imageReference') && parent && index !== undefined) {
      const alt: Text = { type: 'text', value: node.alt ?? '' };
      parent.children.splice(index, 1, alt as never);
    } else if (node.type === 'heading') {
      node.depth = Math.min(6, node.depth + 2) as typeof node.depth;
    } else if (node.type === 'footnoteDefinition' && parent && index !== undefined) {
      dropped.push(`footnote definition [^${node.label ?? node.identifier}]: sources are defined in annotations.yaml`);
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return dropped;
}

function citationNode(sourceId: string, number: number): NoteCitation {
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#source-${number}` },
    children: [{ type: 'text', value: String(number) }],
  };
  return { type: 'noteCitation', sourceId, data: { hName: 'sup', hProperties: { className: ['cite'] }, hChildren: [link] } };
}

/**
 * `[^id]` in text (and GFM footnote references, had an editor defined one) →
 * citation nodes. A citation written inside a link's text goes after the link:
 * a link inside a link is not valid HTML.
 */
function replaceCitations(tree: Root, citation: (sourceId: string) => NoteCitation | undefined): void {
  const edits: { parent: Parents; node: Nodes; replacement: PhrasingContent[] }[] = [];
  visitParents(tree, (node, ancestors) => {
    const parent = ancestors.at(-1);
    if (!parent) return;
    const link = ancestors.findLast((a) => a.type === 'link' || a.type === 'linkReference');
    if (node.type === 'footnoteReference') {
      const cite = citation(node.label ?? node.identifier);
      const replacement: PhrasingContent[] = cite ? [] : [{ type: 'text', value: `[^${node.label ?? node.identifier}]` }];
      if (cite && !link) replacement.push(cite);
      edits.push({ parent, node, replacement });
      if (cite && link) putAfterLink(ancestors, link, cite);
    } else if (node.type === 'text' && hasCitation(node.value)) {
      const replacement: PhrasingContent[] = [];
      const moved: NoteCitation[] = [];
      let last = 0;
      for (const match of node.value.matchAll(CITATION)) {
        const cite = citation(match[1]!);
        if (!cite) continue; // left as written; reported as unknown
        replacement.push({ type: 'text', value: node.value.slice(last, match.index) });
        (link ? moved : replacement).push(cite);
        last = match.index + match[0].length;
      }
      replacement.push({ type: 'text', value: node.value.slice(last) });
      edits.push({ parent, node, replacement: replacement.filter((n) => n.type !== 'text' || n.value !== '') });
      for (const cite of moved) putAfterLink(ancestors, link!, cite);
    }
  });
  for (const { parent, node, replacement } of edits) {
    const children = parent.children as RootContent[];
    children.splice(children.indexOf(node as RootContent), 1, ...(replacement as RootContent[]));
  }
}

/**
 * Put `cite` after `link` (after citations already moved there). Done at once:
 * the walk has not reached the link's later siblings yet, so it just visits one more.
 */
function putAfterLink(ancestors: Parents[], link: Parents, cite: NoteCitation): void {
  const parent = ancestors[ancestors.indexOf(link) - 1]!;
  const children = parent.children as RootContent[];
  let end = children.indexOf(link as RootContent) + 1;
  while (children[end]?.type === 'noteCitation') end++;
  children.splice(end, 0, cite);
}

/**
 * After sanitising, give each citation link its page-unique id and describe it
 * by the source list's heading. Citations are the only `sup.cite` a note can
 * produce (Markdown has no classes), so they line up with `targets` in order.
 */
function addCitationIds(tree: HastRoot, targets: CitationTarget[], describedBy: string): void {
  const links: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'sup' || !String(node.properties.className ?? '').includes('cite')) return;
    const link = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a');
    if (link) links.push(link);
  });
  if (links.length !== targets.length) {
    throw new Error(`render-note: ${targets.length} citations made but ${links.length} survived sanitising`);
  }
  links.forEach((link, index) => {
    link.properties.id = targets[index]!.backrefId;
    if (describedBy) link.properties.ariaDescribedBy = [describedBy];
  });
}

/** Links that leave the site do not hand it over (`window.opener`) or tell where the reader came from. */
function addExternalRel(tree: HastRoot): void {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'a' && /^https?:/i.test(String(node.properties.href ?? ''))) node.properties.rel = ['noopener', 'noreferrer'];
  });
}
