/**
 * An article's large rendered parts — its HTML, its text and each claim's block — kept out of
 * Astro's content store, in one file per article in Astro's cache folder
 * (`<cacheDir>/article-html/<slug>.<digest>.json`). Astro reads, rewrites, bundles and parses
 * the whole store on every build; these parts were four fifths of it, and only the pages that
 * render the article read them. The loader writes the file (writeArticleHtml) and keeps its path
 * in the entry (`StoredArticle.htmlFile`); pages read it with articleHtml().
 *
 * With CONTENT_STORE_FULL=1 the entry keeps the parts itself (src/content/stored-article.ts) and
 * no file is written; articleHtml() then takes them from the entry.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedArticle } from '../pipeline/types.ts';

/** What the file holds: the parts of RenderedArticle no store entry keeps. */
export interface ArticleHtml {
  bodyHtml: string;
  /** Notes for claims in the title and subtitle (an <aside> or ''). */
  headNotesHtml: string;
  /** The rendered text, blocks joined by "\n\n": what TextPositionSelector offsets count in. */
  text: string;
  /** Each claim's block as HTML (claim pages quote it), by claim id. */
  blockHtml: Record<string, string>;
}

/**
 * The folder of the files, in Astro's cache folder. The dev server keeps its store apart from the
 * build's (in `.astro/`), so it gets a folder of its own too: a build then never removes a file
 * that the dev server's store still names, nor the reverse.
 */
export function articleHtmlFolder(cacheDir: URL | string, dev = false): string {
  const root = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return join(root, dev ? 'article-html-dev' : 'article-html');
}

export function articleHtmlOf(article: RenderedArticle): ArticleHtml {
  return {
    bodyHtml: article.bodyHtml,
    headNotesHtml: article.headNotesHtml,
    text: article.text,
    blockHtml: Object.fromEntries(article.claims.map((claim) => [claim.id, claim.blockHtml])),
  };
}

/**
 * Writes the article's file (atomically: a reader sees the old file or the whole new one) and
 * returns its path: relative to the project (the working folder) when the cache folder is in it,
 * so a cache folder restored into another checkout (CI) still names its files.
 */
export function writeArticleHtml(folder: string, slug: string, digest: string, article: RenderedArticle): string {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${slug}.${digest}.json`);
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(articleHtmlOf(article)));
  renameSync(partial, file);
  const inProject = relative(process.cwd(), file);
  return inProject.startsWith('..') || isAbsolute(inProject) ? file : inProject;
}

/** Whether the file an entry names is still there (someone may have emptied the cache folder). */
export function hasArticleHtml(file: string | undefined): boolean {
  return file !== undefined && existsSync(resolve(file));
}

/** Removes the files in `folder` that no entry names any more (deleted articles, older digests). */
export function removeUnusedArticleHtml(folder: string, used: ReadonlySet<string>): void {
  if (!existsSync(folder)) return;
  const names = new Set([...used].map((file) => basename(file)));
  for (const name of readdirSync(folder)) if (!names.has(name)) rmSync(join(folder, name), { force: true });
}

/** What a page passes: its entry's article (the path of its file, or the parts themselves under CONTENT_STORE_FULL=1). */
export interface WithArticleHtml {
  htmlFile?: string;
}

const read = new Map<string, ArticleHtml>();

/** The article's HTML, text and claim blocks; read once per process and file. */
export function articleHtml(article: WithArticleHtml): ArticleHtml {
  const inline = article as Partial<RenderedArticle>;
  if (inline.bodyHtml !== undefined && inline.claims) return articleHtmlOf(inline as RenderedArticle);
  const file = article.htmlFile;
  if (file === undefined) throw new Error('an article entry names no HTML file: the loader sets one on every entry');
  let html = read.get(file);
  if (html === undefined) {
    html = parse(file);
    read.set(file, html);
  }
  return html;
}

function parse(file: string): ArticleHtml {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot read the rendered article ${file} (${why}): delete Astro's cache folder and build again`);
  }
  const html = value as Partial<ArticleHtml> | null;
  if (!html || typeof html.bodyHtml !== 'string' || typeof html.headNotesHtml !== 'string' || typeof html.text !== 'string' || typeof html.blockHtml !== 'object') {
    throw new Error(`the rendered article ${file} is incomplete: delete Astro's cache folder and build again`);
  }
  return html as ArticleHtml;
}
