/**
 * The article's images are not shown: each becomes its alt text, with a warning.
 *
 * The page shows the text of the article with its claims; an image in it would load from
 * wherever its Markdown says (`javascript:`, `data:`, a tracker on another host — the last
 * loads on any host that does not send the site's CSP), and a claim around one has nothing to
 * quote. Notes show no images either (render-note.ts). Runs before claims are anchored, so a
 * quote matches the alt text as the reader sees it.
 */
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ContentMessage } from './types.ts';

export function imagesAsText(tree: Root, file: string, line: (bodyLine?: number) => number | undefined): ContentMessage[] {
  const found: ContentMessage[] = [];
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'image' && node.type !== 'imageReference') || !parent || index === undefined) return undefined;
    const alt = (node.alt ?? '').trim();
    const target = node.type === 'image' ? node.url : `[${node.label ?? node.identifier}]`;
    found.push({
      file,
      line: line(node.position?.start.line),
      column: node.position?.start.column,
      ruleId: 'image',
      severity: 'warning',
      reason: `image ${JSON.stringify(target.length > 60 ? `${target.slice(0, 60)}…` : target)} is not shown; ${alt ? `its alt text "${alt}" stands in its place` : 'it has no alt text, so nothing stands in its place: describe it in words'}`,
    });
    const text: Text = { type: 'text', value: alt, ...(node.position ? { position: node.position } : {}) };
    parent.children.splice(index, 1, text as never);
    return index + 1;
  });
  return found;
}
