/**
 * remark plugin: the author's own links become numbered source footnotes.
 *
 * The article is shown as text with notes, and a link in running text would
 * compete with the claim markers; so every link is unwrapped to its text. A link
 * to a real web page keeps its target as a footnote reference after the text,
 * numbered after the sources the notes cite. Anything else (`#`, empty, relative,
 * `javascript:`, `data:`, `mailto:`) is plain text.
 *
 * Runs after remark-anchor-claims, so the footnote numbers are not part of the
 * text that quotes are matched against. A claim boundary inside a link splits the
 * link in two; run `remarkKeyLinks` before anchoring so the halves can be told
 * apart from two links and get one reference, not two.
 */
import type { Data, Definition, Link, LinkReference, Parents, PhrasingContent, Root } from 'mdast';
import type { Element } from 'hast';
import type { Node } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

export interface AuthorLink {
  url: string;
  /** The linked text, as the reader sees it. */
  text: string;
  /** Footnote number; links to the same URL share one. */
  number: number;
  /** id of the footnote reference element in the article, for the source's back-link. */
  backrefId: string;
}

export interface AuthorLinksOptions {
  /** Number of the first author-link source: one more than the sources the notes cite. Default 1. */
  firstNumber?: number;
  /** id of the element that names the source list, for the reference's aria-describedby. */
  describedBy?: string;
}

/** The footnote reference after an author's link: `<sup class="cite"><a href="#source-N" id=…>N</a></sup>`. */
export interface SourceRef extends Node {
  type: 'sourceRef';
  url: string;
  number: number;
  backrefId: string;
  data: Data;
}

declare module 'mdast' {
  interface Data {
    /** Shared by the fragments of one link that claim anchoring split (set by remarkKeyLinks). */
    linkKey?: number;
  }
  interface PhrasingContentMap {
    sourceRef: SourceRef;
  }
  interface RootContentMap {
    sourceRef: SourceRef;
  }
}

declare module 'vfile' {
  interface DataMap {
    authorLinks: AuthorLink[];
  }
}

/** The URL if it is an absolute http(s) URL a reader can follow, else undefined. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined; // relative or malformed: not a page we can cite
  }
}

function sourceRef(url: string, number: number, backrefId: string, describedBy: string | undefined): SourceRef {
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: `#source-${number}`, id: backrefId, ...(describedBy ? { ariaDescribedBy: [describedBy] } : {}) },
    children: [{ type: 'text', value: String(number) }],
  };
  return {
    type: 'sourceRef',
    url,
    number,
    backrefId,
    data: { hName: 'sup', hProperties: { className: ['cite', 'cite-link'] }, hChildren: [link] },
  };
}

type AnyLink = Link | LinkReference;

/**
 * Gives every link a key in `data.linkKey`. remark-anchor-claims copies `data`
 * onto both halves of a link it splits, so halves keep one key.
 */
export function remarkKeyLinks() {
  return (tree: Root): void => {
    let key = 0;
    visitParents(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      node.data = { ...node.data, linkKey: ++key };
    });
  };
}

export default function remarkAuthorLinks(options: AuthorLinksOptions = {}) {
  const firstNumber = options.firstNumber ?? 1;
  const describedBy = options.describedBy ?? 'sources-heading';

  return (tree: Root, file: VFile): void => {
    const definitions = new Map<string, Definition>();
    visitParents(tree, 'definition', (node) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });

    const links: { node: AnyLink; parent: Parents; url: string | undefined }[] = [];
    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'link' && node.type !== 'linkReference') return;
      const raw = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
      const url = webUrl(raw);
      if (raw && raw !== '#' && !url) {
        file.message(`link to \`${raw}\` is not an http(s) URL; shown as plain text`, {
          place: node.position,
          ruleId: 'url-scheme',
          source: 'remark-author-links',
        });
      }
      links.push({ node, parent: ancestors.at(-1)!, url });
    });

    const numbers = new Map<string, number>();
    const authorLinks: AuthorLink[] = [];
    links.forEach(({ node, parent, url }, index) => {
      let after: SourceRef[] = [];
      // A claim boundary inside a link splits it into fragments (same URL, same
      // source position): one reference, after the last fragment.
      if (url && !continuesIn(node, links[index + 1]?.node)) {
        let number = numbers.get(url);
        if (number === undefined) {
          number = firstNumber + numbers.size;
          numbers.set(url, number);
        }
        const backrefId = `ref-link-${authorLinks.length + 1}`;
        authorLinks.push({ url, text: fragmentsText(links, index), number, backrefId });
        after = [sourceRef(url, number, backrefId, describedBy)];
      }
      const at = parent.children.indexOf(node as never);
      (parent.children as PhrasingContent[]).splice(at, 1, ...(node.children as PhrasingContent[]), ...after);
    });

    file.data.authorLinks = authorLinks;
  };
}

/** True when `next` is the continuation of `node` split off by a claim boundary. */
function continuesIn(node: AnyLink, next: AnyLink | undefined): boolean {
  const key = node.data?.linkKey;
  return key !== undefined && next?.data?.linkKey === key;
}

/** The whole text of a link, joined across the fragments that end at `last`. */
function fragmentsText(links: { node: AnyLink }[], last: number): string {
  let first = last;
  while (first > 0 && continuesIn(links[first - 1]!.node, links[first]!.node)) first--;
  return links
    .slice(first, last + 1)
    .map(({ node }) => toString(node))
    .join('');
}
