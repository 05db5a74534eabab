/**
 * The built pages, each parsed once, with its ids; an id given twice on one page is a problem
 * (a fragment link then lands on whichever comes first, and labels name the wrong element).
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { htmlFilesUnder } from '../../src/built-site/files.ts';
import { attr, parseHtml, visitHtml } from '../../src/built-site/html-tree.ts';
import type { HtmlNode } from '../../src/built-site/html-tree.ts';

export interface Page {
  /** The built file as shown in messages. */
  file: string;
  /** The page's URL path under the base: `/articles/x/`. */
  path: string;
  ids: Set<string>;
  /** Ids given to more than one element, each with its second element. */
  duplicateIds: Map<string, HtmlNode>;
  root: HtmlNode;
}

/** `/` + `articles/x/index.html` → `/articles/x/`. */
export function pagePath(root: string, file: string, base: string): string {
  const rel = relative(root, file).split(sep).join('/');
  return base + (rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1'));
}

export function readPages(root: string, base: string, display: (path: string) => string): Map<string, Page> {
  const pages = new Map<string, Page>();
  for (const file of htmlFilesUnder(root)) {
    const path = pagePath(root, file, base);
    const tree = parseHtml(readFileSync(file, 'utf8'));
    const ids = new Set<string>();
    const duplicateIds = new Map<string, HtmlNode>();
    visitHtml(tree, (node) => {
      const id = attr(node, 'id');
      if (id) {
        if (ids.has(id) && !duplicateIds.has(id)) duplicateIds.set(id, node);
        ids.add(id);
      }
      if (node.tagName === 'a' && attr(node, 'name')) ids.add(attr(node, 'name')!);
    });
    pages.set(path, { file: display(file), path, ids, duplicateIds, root: tree });
  }
  return pages;
}
