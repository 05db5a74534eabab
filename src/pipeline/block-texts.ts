/**
 * The blocks of the text as remark-anchor-claims counts them (paragraphs, headings, table cells),
 * their texts as a reader sees them, and where each starts in `RenderedArticle.text`, which
 * joins them with a blank line.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

export function collectBlocks(tree: Root): Parent[] {
  const blocks: Parent[] = [];
  visit(tree, (node: Nodes) => {
    if (!BLOCK_TYPES.has(node.type)) return undefined;
    blocks.push(node as Parent);
    return SKIP;
  });
  return blocks;
}

/** A node's text as a reader sees it: raw HTML is not rendered (no allowDangerousHtml), so it is not text. */
export function textWithoutHtml(node: Nodes | Parent): string {
  return toString(node, { includeHtml: false });
}

/** Block texts as a reader sees them, the same way remark-anchor-claims reads them. */
export function blockTexts(tree: Root): string[] {
  return collectBlocks(tree).map(textWithoutHtml);
}

/** Where each block's text starts in `RenderedArticle.text`. */
export function textOffsets(tree: Root): Map<Parent, number> {
  const offsets = new Map<Parent, number>();
  let offset = 0;
  for (const block of collectBlocks(tree)) {
    offsets.set(block, offset);
    offset += textWithoutHtml(block).length + 2;
  }
  return offsets;
}
