/**
 * Every reference on a page: internal `href`, `src`, `srcset`, `action` and `cite` resolve to a
 * file in the build (absolute URLs on the site's own origin count as internal), fragments and
 * `aria-*` / `for` id references name an id on their page, external links carry
 * `rel="noopener noreferrer"`; and CSS `url()`s resolve too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesUnder } from '../../src/built-site/files.ts';
import { attr, visitHtml } from '../../src/built-site/html-tree.ts';
import type { HtmlNode } from '../../src/built-site/html-tree.ts';
import type { Page } from './pages.ts';
import { pagePath } from './pages.ts';

export type ReferenceRule = 'broken-link' | 'broken-fragment' | 'broken-idref' | 'external-rel' | 'csp';

export interface Site {
  root: string;
  base: string;
  origin: URL;
  pages: Map<string, Page>;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  form: ['action'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};
const IDREF_ATTRIBUTES = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-owns', 'aria-details'];
/** `<link rel>` values whose href the browser never fetches as a page or resource we host. */
const SKIPPED_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

/** The built file a URL path names, if there is one. */
export function fileFor(site: Site, pathname: string): string | undefined {
  if (!pathname.startsWith(site.base) && `${pathname}/` !== site.base) return undefined;
  const inside = pathname.slice(site.base.length);
  const candidates = pathname.endsWith('/') || inside === '' ? [join(inside, 'index.html')] : [inside, join(inside, 'index.html')];
  for (const candidate of candidates) {
    const full = join(site.root, candidate);
    if (!full.startsWith(site.root)) return undefined;
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return undefined;
}

/** Calls `report` for every broken reference on the page. */
export function checkReferences(site: Site, page: Page, report: (node: HtmlNode, rule: ReferenceRule, message: string) => void): void {
  const pageUrl = new URL(page.path, site.origin);
  visitHtml(page.root, (node) => {
    const tag = node.tagName;
    if (!tag) return;
    for (const name of URL_ATTRIBUTES[tag] ?? []) {
      const value = attr(node, name);
      if (value === undefined) continue;
      if (tag === 'link' && (attr(node, 'rel') ?? '').split(/\s+/).some((rel) => SKIPPED_LINK_RELS.has(rel))) continue;
      const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean) : [value];
      for (const raw of urls) checkUrl(site, page, pageUrl, node, `<${tag} ${name}="${raw}">`, raw, report);
    }
    for (const name of [...IDREF_ATTRIBUTES, ...(tag === 'label' || tag === 'output' ? ['for'] : [])]) {
      const value = attr(node, name);
      if (value === undefined) continue;
      for (const id of value.split(/\s+/).filter(Boolean)) {
        if (!page.ids.has(id)) report(node, 'broken-idref', `<${tag} ${name}="${value}">: no element with id "${id}" on this page`);
      }
    }
  });
}

function checkUrl(site: Site, page: Page, pageUrl: URL, node: HtmlNode, where: string, raw: string, report: (node: HtmlNode, rule: ReferenceRule, message: string) => void): void {
  if (/^\s*javascript:/i.test(raw)) return report(node, 'csp', `${where}: javascript: URLs are not allowed`);
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return report(node, 'broken-link', `${where}: not a valid URL`);
  }
  if (url.origin !== site.origin.origin) {
    if (node.tagName === 'a' && /^https?:$/.test(url.protocol)) {
      const rel = new Set((attr(node, 'rel') ?? '').toLowerCase().split(/\s+/));
      if (!rel.has('noopener') || !rel.has('noreferrer')) report(node, 'external-rel', `${where}: an external link needs rel="noopener noreferrer"`);
    }
    return;
  }
  if (node.tagName === 'a' && raw.trim() === '#') return report(node, 'broken-fragment', `${where}: a link to "#" goes nowhere`);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return report(node, 'broken-link', `${where}: badly percent-encoded path`);
  }
  const target = fileFor(site, pathname);
  if (!target) return report(node, 'broken-link', `${where}: ${pathname} is not in the build`);
  const fragment = url.hash.slice(1);
  if (!fragment || !target.endsWith('.html')) return;
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    id = fragment;
  }
  const targetPage = site.pages.get(pagePath(site.root, target, site.base));
  if (targetPage && !targetPage.ids.has(id) && id !== 'top') {
    const on = targetPage === page ? 'this page' : targetPage.path;
    report(node, 'broken-fragment', `${where}: no element with id "${id}" on ${on}`);
  }
}

/** `url()` references in the built stylesheets, as `{ file, page, message }`. */
export function checkStylesheets(site: Site, display: (path: string) => string): { file: string; page: string; message: string }[] {
  const found: { file: string; page: string; message: string }[] = [];
  for (const file of filesUnder(site.root)) {
    if (!file.endsWith('.css')) continue;
    const rel = relative(site.root, file).split(sep).join('/');
    const cssUrl = new URL(site.base + rel, site.origin);
    for (const match of readFileSync(file, 'utf8').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const raw = match[2]!;
      if (/^(data:|#)/.test(raw)) continue;
      const url = new URL(raw, cssUrl);
      if (url.origin !== site.origin.origin) continue;
      if (!fileFor(site, decodeURIComponent(url.pathname))) {
        found.push({ file: display(file), page: site.base + rel, message: `url(${raw}): ${url.pathname} is not in the build` });
      }
    }
  }
  return found;
}
