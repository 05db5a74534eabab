/**
 * Built pages as parse5 trees, and the few things the checks do with them. Parsing (not
 * regular expressions) is what tells a real `<style>` element from the text "<style>" in an
 * attribute or a comment.
 */
import { parse } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  content?: HtmlNode; // <template>
  parentNode?: HtmlNode | null;
  value?: string; // text
}

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

/** Every node, depth first, without recursion (a page may nest deeper than the stack). */
export function visitHtml(root: HtmlNode, fn: (node: HtmlNode) => void): void {
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    fn(node);
    const children = [...(node.childNodes ?? []), ...(node.content ? [node.content] : [])];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

export function attr(node: HtmlNode, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** The text of an element's own text children: a `<style>`'s or `<script>`'s source. */
export function ownText(node: HtmlNode): string {
  return (node.childNodes ?? []).map((child) => child.value ?? '').join('');
}

/** The source text of every `<style>` element, in document order. */
export function inlineStyles(root: HtmlNode): string[] {
  const styles: string[] = [];
  visitHtml(root, (node) => {
    if (node.tagName === 'style') styles.push(ownText(node));
  });
  return styles;
}
