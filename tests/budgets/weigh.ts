/**
 * Weighing a built page: what a browser fetches to show it, each file gzip-compressed
 * (zlib level 9, as a host that pre-compresses would send it). Shared by the budget
 * tests (tests/budgets/budgets.test.ts) and the benchmark (bench/run.ts).
 *
 * A page's resources are found statically: <link rel=stylesheet|icon|preload|modulepreload|…>,
 * <script src>, <img src/srcset>, <source>, <video>/<audio>/<iframe>/<object>, url(…) in
 * stylesheets (fonts, images) and the static `import … from "…"` of module scripts
 * (dynamic `import()` is loaded on use, not with the page). Pagefind's files (/pagefind/…)
 * load only when search is used and are counted apart.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { htmlFilesUnder } from '../../src/built-site/files.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export const gzipSize = (data: string | Buffer): number => gzipSync(data, { level: 9 }).length;

/** Resource-loading <link> rels (navigation-only rels like canonical or sitemap are not fetched). */
const LOADING_RELS = new Set(['stylesheet', 'icon', 'shortcut', 'apple-touch-icon', 'preload', 'modulepreload', 'prefetch', 'preconnect', 'dns-prefetch', 'manifest']);

export interface Resource {
  /** The reference as written in the page (or in a CSS/JS file). */
  ref: string;
  kind: 'css' | 'js' | 'font' | 'image' | 'other';
  /** Absolute path in dist, when the file is ours and exists. */
  file?: string;
  /** Not the page's own origin (an absolute URL with a host, or protocol-relative). */
  thirdParty: boolean;
  /** Pagefind's search files: loaded on use only. */
  search: boolean;
  /** A stylesheet or classic script in <head> that blocks the first paint. */
  renderBlocking: boolean;
  bytes: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: number;
  htmlGzip: number;
  resources: Resource[];
  /** HTML + every resource except search's, gzip. */
  totalGzip: number;
  jsGzip: number;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node as Element;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child as Node);
  if ('tagName' in node && node.tagName === 'template') yield* elements((node as any).content as Node);
}

export function parseHtml(html: string) {
  return parse(html);
}

function kindOf(ref: string, hint?: string): Resource['kind'] {
  const path = ref.split(/[?#]/)[0]!.toLowerCase();
  if (hint === 'css' || path.endsWith('.css')) return 'css';
  if (hint === 'js' || /\.m?js$/.test(path)) return 'js';
  if (/\.(woff2?|ttf|otf|eot)$/.test(path)) return 'font';
  if (/\.(svg|png|jpe?g|gif|webp|avif|ico)$/.test(path)) return 'image';
  return 'other';
}

const isThirdParty = (ref: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || ref.startsWith('//');

/** The dist file a same-origin reference points at, relative to the referring file. */
function resolveRef(dist: string, fromFile: string, ref: string, base: string): string | undefined {
  if (isThirdParty(ref) || ref.startsWith('data:')) return undefined;
  let path = decodeURIComponent(ref.split(/[?#]/)[0]!);
  if (!path) return undefined;
  let file: string;
  if (path.startsWith('/')) {
    if (base !== '/' && path.startsWith(base)) path = `/${path.slice(base.length)}`;
    file = join(dist, path);
  } else {
    file = join(dirname(fromFile), path);
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

/** url(…) in CSS and @import. */
function cssRefs(css: string): string[] {
  const refs = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]!);
  refs.push(...[...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map((m) => m[2]!));
  return refs.filter((ref) => !ref.startsWith('data:') && !ref.startsWith('#'));
}

/** Static imports of an ES module (`import x from "…"`, `import "…"`, `export … from "…"`), not `import()`. */
function jsImports(js: string): string[] {
  return [...js.matchAll(/(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Shared files (CSS, JS) are weighed once per run. */
const gzipMemo = new Map<string, number>();

export function weighPage(dist: string, pageFile: string, base = '/'): PageWeight {
  const html = readFileSync(pageFile, 'utf8');
  const doc = parseHtml(html);
  const found: { ref: string; hint?: string; renderBlocking: boolean; from: string }[] = [];
  for (const element of elements(doc as unknown as Node)) {
    const inHead = isInHead(element);
    const tag = element.tagName;
    if (tag === 'link') {
      const rels = (attr(element, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(element, 'href');
      if (!href || !rels.some((rel) => LOADING_RELS.has(rel))) continue;
      const stylesheet = rels.includes('stylesheet');
      const media = attr(element, 'media');
      found.push({
        ref: href,
        hint: stylesheet ? 'css' : rels.includes('modulepreload') ? 'js' : undefined,
        renderBlocking: stylesheet && !rels.includes('alternate') && attr(element, 'disabled') === undefined && (!media || !/^\s*print\s*$/i.test(media)),
        from: pageFile,
      });
    } else if (tag === 'script') {
      const src = attr(element, 'src');
      if (!src) continue;
      const type = attr(element, 'type');
      const deferred = type === 'module' || attr(element, 'defer') !== undefined || attr(element, 'async') !== undefined;
      found.push({ ref: src, hint: 'js', renderBlocking: inHead && !deferred, from: pageFile });
    } else if (['img', 'source', 'video', 'audio', 'iframe', 'embed', 'input'].includes(tag)) {
      for (const name of ['src', 'poster']) {
        const value = attr(element, name);
        if (value) found.push({ ref: value, renderBlocking: false, from: pageFile });
      }
      const srcset = attr(element, 'srcset');
      if (srcset) for (const part of srcset.split(',')) found.push({ ref: part.trim().split(/\s+/)[0]!, renderBlocking: false, from: pageFile });
    } else if (tag === 'object') {
      const data = attr(element, 'data');
      if (data) found.push({ ref: data, renderBlocking: false, from: pageFile });
    } else if (tag === 'style') {
      const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
      for (const ref of cssRefs(text)) found.push({ ref, renderBlocking: false, from: pageFile });
    }
    const style = attr(element, 'style');
    if (style) for (const ref of cssRefs(style)) found.push({ ref, renderBlocking: false, from: pageFile });
  }

  const resources: Resource[] = [];
  const seen = new Set<string>();
  while (found.length > 0) {
    const item = found.shift()!;
    const file = resolveRef(dist, item.from, item.ref, base);
    const key = file ?? item.ref;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = kindOf(item.ref, item.hint);
    const rel = file ? `/${relative(dist, file).split(sep).join('/')}` : item.ref;
    const search = rel.startsWith('/pagefind/');
    const data = file ? readFileSync(file) : undefined;
    if (file && data && !gzipMemo.has(file)) gzipMemo.set(file, gzipSize(data));
    resources.push({
      ref: item.ref,
      kind,
      ...(file ? { file } : {}),
      thirdParty: isThirdParty(item.ref),
      search,
      renderBlocking: item.renderBlocking,
      bytes: data?.length ?? 0,
      gzip: file && data ? gzipMemo.get(file)! : 0,
    });
    if (!data || search) continue;
    if (kind === 'css') for (const ref of cssRefs(data.toString('utf8'))) found.push({ ref, renderBlocking: false, from: file! });
    if (kind === 'js') for (const ref of jsImports(data.toString('utf8'))) found.push({ ref, hint: 'js', renderBlocking: false, from: file! });
  }

  const htmlGzip = gzipSize(html);
  const counted = resources.filter((r) => !r.search);
  return {
    page: `/${relative(dist, pageFile).split(sep).join('/')}`,
    html: Buffer.byteLength(html),
    htmlGzip,
    resources,
    totalGzip: htmlGzip + counted.reduce((sum, r) => sum + r.gzip, 0),
    jsGzip: counted.filter((r) => r.kind === 'js').reduce((sum, r) => sum + r.gzip, 0),
  };
}

function isInHead(element: Element): boolean {
  for (let node: any = element.parentNode; node; node = node.parentNode) if (node.tagName === 'head') return true;
  return false;
}

/** Every built HTML page, except Pagefind's own files. */
export function htmlPages(dist: string): string[] {
  return htmlFilesUnder(dist)
    .filter((path) => !/^(pagefind|_astro)\//.test(relative(dist, path).split(sep).join('/')))
    .sort();
}

export const isArticlePage = (dist: string, file: string) => /^articles\/[^/]+\/index\.html$/.test(relative(dist, file).split(sep).join('/'));
export const isClaimPage = (dist: string, file: string) => /^articles\/[^/]+\/claims\/[^/]+\/index\.html$/.test(relative(dist, file).split(sep).join('/'));

/** Text a reader gets: body text nodes outside script/style/template, white space runs as one. Screen-reader-only text counts. */
export function visibleText(html: string): string {
  const doc = parseHtml(html);
  const body = [...elements(doc as unknown as Node)].find((e) => e.tagName === 'body');
  const parts: string[] = [];
  const walk = (node: any) => {
    if (node.tagName && ['script', 'style', 'template', 'noscript'].includes(node.tagName)) return;
    if (node.nodeName === '#text') parts.push(node.value);
    for (const child of node.childNodes ?? []) walk(child);
  };
  if (body) walk(body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)]!;
}

/**
 * The addresses of the sources a page shows: every distinct http(s) link target in the page's
 * source lists (and the author's links among them). A reader who follows or prints a source needs
 * these bytes, so they are content, not markup.
 */
export function sourceAddresses(html: string): string[] {
  const doc = parseHtml(html);
  const all = [...elements(doc as unknown as Node)];
  const lists = all.filter((e) => (attr(e, 'class') ?? '').split(/\s+/).includes('source-list'));
  const urls = new Set<string>();
  for (const list of lists) {
    for (const a of elements(list)) {
      const href = a.tagName === 'a' ? attr(a, 'href') : undefined;
      if (href && /^https?:/i.test(href)) urls.add(href);
    }
  }
  return [...urls];
}

/**
 * A page's content floor: the gzip of its visible text together with the source addresses it
 * shows. No markup can make a page lighter than this; the article budget is a multiple of it.
 */
export function contentFloor(html: string): number {
  return gzipSize(`${visibleText(html)}\n${sourceAddresses(html).join('\n')}`);
}

/** Where a page's inline `<style>` elements are in its HTML, as [start, end) offsets, in order. */
function inlineStyleRanges(html: string): [number, number][] {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  return [...elements(doc as unknown as Node)]
    .filter((e) => e.tagName === 'style' && e.sourceCodeLocation)
    .map((e) => [e.sourceCodeLocation!.startOffset, e.sourceCodeLocation!.endOffset]);
}

/** The page's HTML without its inline `<style>` elements (their CSS is weighed by its own budget). */
export function withoutInlineStyles(html: string): string {
  let out = html;
  for (const [start, end] of inlineStyleRanges(html).reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** The gzip of a page's inline CSS: its `<style>` elements, as the page sends them. */
export function inlineCssGzip(html: string): number {
  const ranges = inlineStyleRanges(html);
  return ranges.length === 0 ? 0 : gzipSize(ranges.map(([start, end]) => html.slice(start, end)).join(''));
}

/**
 * Markup overhead: what the markup adds to the content, gzip(HTML without inline CSS) over the
 * content floor. The inline CSS is left out because the first screen must paint from the first
 * response (so it cannot be a stylesheet) and it has a budget of its own; the source addresses
 * are content, as in the page-weight budget.
 */
export function markupOverhead(html: string): number {
  return gzipSize(withoutInlineStyles(html)) / contentFloor(html);
}
