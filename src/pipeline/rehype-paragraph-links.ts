/**
 * rehype plugin: a self-link ("¶") at the end of every paragraph, heading and
 * list item of the article body that has an id (see remark-block-ids), so any
 * passage can be cited even when it is not a claim.
 *
 *   <p id="p-japan-has-emphasized-its">…text…<a class="paragraph-link" href="#p-japan-has-emphasized-its"
 *      aria-label="Link to this paragraph" data-pagefind-ignore><span aria-hidden="true">¶</span></a></p>
 *
 * Runs before rehype-claim-markup, so there are no note asides yet: the link is
 * the block's last phrasing child (in a tight list item: before a nested list).
 * The title and subtitle get none (the page shows them as its own headline), nor
 * do table cells (a ¶ in every cell is noise; the table's first cell id still works).
 * Shown only on hover and keyboard focus: that is CSS (src/styles/links.css).
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { FLOW_TAGS } from '../model/blocks.ts';

export interface ParagraphLinksOptions {
  /** Block ids that get no link. Default: title, subtitle. */
  skipIds?: string[];
  /** The link's accessible name. */
  label?: string;
}

const LINKED_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

export function paragraphLink(id: string, label = 'Link to this paragraph'): Element {
  return h(
    'a',
    { className: ['paragraph-link'], href: `#${id}`, ariaLabel: label, dataPagefindIgnore: true },
    // A word joiner (U+2060) first: the link is inline, so the ¶ never starts a line on its own.
    '\u2060',
    h('span', { ariaHidden: 'true' }, '¶'),
  );
}

export default function rehypeParagraphLinks(options: ParagraphLinksOptions = {}) {
  const skip = new Set(options.skipIds ?? ['title', 'subtitle']);
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (!LINKED_TAGS.has(node.tagName) || typeof id !== 'string' || id === '' || skip.has(id)) return;
      const link = paragraphLink(id, options.label);
      const flow = node.children.findIndex((c: ElementContent) => c.type === 'element' && FLOW_TAGS.has(c.tagName));
      const at = flow === -1 ? node.children.length : flow;
      // Right after the last word: the line break before a nested list stays after the link.
      const before = node.children[at - 1];
      if (before?.type === 'text' && /\s$/.test(before.value)) {
        const trimmed = before.value.trimEnd();
        node.children.splice(at, 0, { type: 'text', value: before.value.slice(trimmed.length) });
        before.value = trimmed;
      }
      node.children.splice(at, 0, link);
    });
  };
}
