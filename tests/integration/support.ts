/**
 * What the integration tests share: running a real `astro build` as a child process into its own
 * output and cache folders, reading built pages, and the contract's text normalisation.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'parse5';
import { filesUnder as walkFiles } from '../../src/built-site/files.ts';
import { parse as parseYaml } from 'yaml';

export const ROOT = process.cwd();
export const FIXTURES = 'tests/fixtures/content';
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

/** Output and cache folders of their own, named after the caller's (DIST_DIR=dist-x → dist-x-<name>). */
export function folders(name: string): { dist: string; cache: string } {
  return {
    dist: `${process.env.DIST_DIR ?? 'dist'}-${name}`,
    cache: `${process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro'}-${name}`,
  };
}

export interface BuildResult {
  status: number | null;
  output: string;
  signal: NodeJS.Signals | null;
}

/**
 * `astro build` of a content folder (a hang counts as a failure: killed after `timeout` ms), in this
 * project or in the copy of it at `root` (folders relative to it).
 */
export function astroBuild(options: { content: string; dist: string; cache: string; clean?: boolean; timeout?: number; env?: Record<string, string>; root?: string }): BuildResult {
  const root = options.root ?? ROOT;
  if (options.clean) {
    rmSync(resolve(root, options.dist), { recursive: true, force: true });
    rmSync(resolve(root, options.cache), { recursive: true, force: true });
  }
  const run: SpawnSyncReturns<string> = spawnSync(process.execPath, [ASTRO, 'build'], {
    cwd: root,
    encoding: 'utf8',
    timeout: options.timeout ?? 180_000,
    env: { ...process.env, CONTENT_DIR: options.content, DIST_DIR: options.dist, ASTRO_CACHE_DIR: options.cache, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
  });
  return { status: run.status, signal: run.signal, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** Pagefind over a built folder, as `npm run build` does after astro. */
export function pagefind(dist: string): BuildResult {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', dist], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, signal: run.signal, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

/** A copy of the fixture content (or part of it) in a temp folder, to break or edit. */
export function copyContent(slugs?: string[]): { content: string; articles: string; cleanup: () => void } {
  const content = mkdtempSync(join(tmpdir(), 'content-'));
  const articles = join(content, 'articles');
  for (const slug of slugs ?? readdirSync(join(FIXTURES, 'articles'))) {
    cpSync(join(FIXTURES, 'articles', slug), join(articles, slug), { recursive: true });
  }
  return { content, articles, cleanup: () => rmSync(content, { recursive: true, force: true }) };
}

export interface FixtureArticle {
  slug: string;
  frontmatter: Record<string, any>;
  claims: Record<string, any>[];
}

/** The content files as an editor wrote them, read at test time. */
export function readArticles(content = FIXTURES): FixtureArticle[] {
  const dir = join(content, 'articles');
  return readdirSync(dir)
    .filter((slug) => statSync(join(dir, slug)).isDirectory())
    .sort()
    .map((slug) => {
      const source = readFileSync(join(dir, slug, 'article.md'), 'utf8');
      const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(source)![1]);
      const annotations = parseYaml(readFileSync(join(dir, slug, 'annotations.yaml'), 'utf8')) ?? {};
      return { slug, frontmatter, claims: annotations.claims ?? [] };
    });
}

/** The contract's normalisation: runs of white space are one space; straight and curly quotes are equal. */
export function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
}

// --- Built HTML -------------------------------------------------------------------------------

export interface El {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: El[];
  parentNode?: El | null;
  value?: string;
}

export function readPage(dist: string, path: string): El {
  return parse(readFileSync(join(dist, path, 'index.html'), 'utf8')) as unknown as El;
}

export function attr(node: El, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

export function hasClass(node: El, name: string): boolean {
  return (attr(node, 'class') ?? '').split(/\s+/).includes(name);
}

export function all(node: El, test: (node: El) => boolean, found: El[] = []): El[] {
  if (test(node)) found.push(node);
  for (const child of node.childNodes ?? []) all(child, test, found);
  return found;
}

export const byId = (root: El, id: string) => all(root, (n) => attr(n, 'id') === id);

/** Added to the text by the site, not the author: markers, citation numbers, screen-reader labels, notes, self-links. */
const ADDED = ['sr-only', 'claim-marker', 'cite', 'claim-notes', 'paragraph-link'];

/** The text a reader sees in an element, without what the site adds inside it. */
export function readerText(node: El): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.tagName && (ADDED.some((c) => hasClass(node, c)) || node.tagName === 'script' || node.tagName === 'template')) return '';
  return (node.childNodes ?? []).map(readerText).join('');
}

/** The reader's text of `block`, and where `inner` starts and ends in it. */
export function textAround(block: El, inner: El): { text: string; start: number; end: number } {
  let text = '';
  let start = -1;
  let end = -1;
  const walk = (node: El) => {
    if (node === inner) start = text.length;
    if (node.nodeName === '#text') text += node.value ?? '';
    else if (!(node.tagName && (ADDED.some((c) => hasClass(node, c)) || node.tagName === 'script'))) for (const child of node.childNodes ?? []) walk(child);
    if (node === inner) end = text.length;
  };
  walk(block);
  return { text, start, end };
}

export function closest(node: El, test: (node: El) => boolean): El | undefined {
  for (let at: El | null | undefined = node; at; at = at.parentNode) if (test(at)) return at;
  return undefined;
}

export function isInside(node: El, ancestor: El): boolean {
  return closest(node.parentNode ?? node, (n) => n === ancestor) !== undefined && node !== ancestor;
}

/** Every file under a folder, relative to it, sorted (the shared walker over dist/). */
export function filesUnder(dir: string): string[] {
  return existsSync(dir) ? [...walkFiles(dir)].map((path) => relative(dir, path).split(sep).join('/')) : [];
}
