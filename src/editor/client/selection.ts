/**
 * A selection on the article page as the dev server needs it: the block it lies in (by id), the
 * block's text before it and its own text, both as a reader sees them — without claim markers,
 * screen-reader labels, citation numbers, ¶ links, notes or nested lists (the same text the
 * build anchors in; see docs/linking.md, "Which text").
 */
const BLOCKS = 'p[id], h1[id], h2[id], h3[id], h4[id], h5[id], h6[id], li[id], th[id], td[id]';
const NOT_TEXT = '.claim-marker, .sr-only, .cite, .paragraph-link, .claim-notes, ul, ol';

export interface PageSelection {
  blockId: string;
  before: string;
  selected: string;
}

function blockOf(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest(BLOCKS) ?? null;
  if (!block || block.closest('.claim-notes')) return null;
  if (block.id === 'title' || block.id === 'subtitle' || block.closest('.article-body')) return block;
  return null;
}

function readerText(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  holder.querySelectorAll(NOT_TEXT).forEach((node) => node.remove());
  return holder.textContent ?? '';
}

/** The selection, or a sentence saying why it cannot be a claim; undefined when nothing is selected. */
export function readSelection(selection: Selection | null): PageSelection | string | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const block = blockOf(range.startContainer);
  if (!block) return undefined;
  if (blockOf(range.endContainer) !== block) {
    return 'A claim lies within one paragraph, heading, list item or table cell: select a passage inside one.';
  }
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const selected = readerText(range.cloneContents());
  if (selected.trim() === '') return undefined;
  return { blockId: block.id, before: readerText(before.cloneContents()), selected };
}
