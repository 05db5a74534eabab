/**
 * remark plugin: raw HTML in the article is not rendered (as in notes: the article is Markdown
 * from an editor, not trusted HTML). Each raw HTML node is removed with a warning, except
 * comments, which are notes to self and go silently.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

const COMMENT = /^<!--[\s\S]*-->$/;

export default function remarkDropRawHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (!COMMENT.test(node.value.trim())) {
        const shown = node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value;
        file.message(`raw HTML is not shown: ${JSON.stringify(shown)}; write it in Markdown`, {
          place: node.position?.start,
          ruleId: 'raw-html',
          source: 'remark-drop-raw-html',
        });
      }
      parent.children.splice(index, 1);
      return index;
    });
  };
}
