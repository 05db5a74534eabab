/**
 * remark plugin: the article's title (and subtitle) from its front matter, as headings with the
 * fixed ids `title` and `subtitle` before the text, so claims can be anchored in them like in
 * any other block. Their Markdown is read as inline text (`*emphasis*` and the like); a value
 * that parses as more than one line of text stays literal.
 */
import type { Heading, PhrasingContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type {} from './article-data.ts';

const inlineParser = unified().use(remarkParse).use(remarkGfm).freeze();

export default function remarkHeadline() {
  return (tree: Root, file: VFile): void => {
    const frontmatter = file.data.article?.frontmatter;
    if (!frontmatter) return;
    tree.children.unshift(
      heading(frontmatter.title, 1, 'title'),
      ...(frontmatter.subtitle ? [heading(frontmatter.subtitle, 2, 'subtitle')] : []),
    );
  };
}

function heading(text: string, depth: 1 | 2, id: string): Heading {
  return { type: 'heading', depth, children: inlineMarkdown(text), data: { blockId: id, hProperties: { id } } };
}

function inlineMarkdown(text: string): PhrasingContent[] {
  const root = inlineParser.runSync(inlineParser.parse(text)) as Root;
  const only = root.children[0];
  if (root.children.length !== 1 || only?.type !== 'paragraph') return [{ type: 'text', value: text }];
  // Positions would point into the front-matter string, not into article.md.
  visit(only, (node) => {
    delete node.position;
  });
  return only.children;
}
