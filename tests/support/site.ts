/** What the tests know about the built site and its content, read from disk, never hard-coded. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { htmlFilesUnder } from '../../src/built-site/files.ts';

export const DIST = process.env.DIST_DIR ?? 'dist';
/** The content folder the site was built from (CONTENT_DIR, as in src/content.config.ts). */
export const CONTENT = `${process.env.CONTENT_DIR ?? 'content'}/articles`;

/** Every page of the built site as a URL path (`/`, `/articles/x/`, …). */
export function builtPages(dist = DIST): string[] {
  return htmlFilesUnder(dist)
    .map((path) => relative(dist, path).split(sep).join('/'))
    .map((rel) => (rel === 'index.html' ? '/' : `/${rel.replace(/index\.html$/, '')}`))
    .sort();
}

export interface ArticleFixture {
  slug: string;
  frontmatter: Record<string, any>;
  /** The text of each block of the body, as a reader sees it. */
  paragraphs: string[];
  annotations: Record<string, any>;
}

export function articles(): ArticleFixture[] {
  return readdirSync(CONTENT)
    .filter((slug) => existsSync(join(CONTENT, slug, 'article.md')))
    .sort()
    .map((slug) => {
      const source = readFileSync(join(CONTENT, slug, 'article.md'), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
      if (!match) throw new Error(`${slug}: no front matter`);
      const tree = unified().use(remarkParse).use(remarkGfm).parse(match[2]);
      const paragraphs = tree.children
        .filter((node) => node.type === 'paragraph' || node.type === 'heading')
        .map((node) => toString(node).replace(/\s+/g, ' ').trim());
      const annotations = parseYaml(readFileSync(join(CONTENT, slug, 'annotations.yaml'), 'utf8')) ?? {};
      return { slug, frontmatter: parseYaml(match[1]), paragraphs, annotations };
    });
}

/** White space folded, as the browser's innerText would roughly give it. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * An article's claims (as written in annotations.yaml) in the order the built page numbers them:
 * the order of their markers in the text (reading order, src/pipeline/reading-order.ts).
 */
export function claimsInPageOrder<T extends { id: string }>(article: ArticleFixture, claims: T[], dist = DIST): T[] {
  const html = readFileSync(join(dist, 'articles', article.slug, 'index.html'), 'utf8');
  const order = [...html.matchAll(/\bid="marker-([^"]+)"/g)].map((m) => m[1]!);
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...claims].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}
