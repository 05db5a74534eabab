/**
 * A build under a sub-path (Astro `base`) has no broken internal link.
 *
 *   npm run test:base   (builds with BASE_PATH=/edition/ into dist-base, then runs this)
 *
 * Reads every HTML page of BASE_DIST, resolves every href/src/srcset/action as a browser
 * would from the page's URL under the base path, and checks that each internal one
 * stays under the base, names a file of the build, and that its #fragment exists there.
 * Also: the sitemap lists every article and claim page, and absolute URLs carry the base.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { articles, builtPages } from '../support/site.ts';

const DIST = process.env.BASE_DIST ?? 'dist-base';
const BASE = (process.env.BASE_PATH ?? '/edition/').replace(/\/*$/, '/');
const ORIGIN = 'http://site.test';

/** The file a URL path under the base is served from, or undefined. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rel = decodeURIComponent(pathname.slice(BASE.length));
  const candidates = rel === '' || rel.endsWith('/') ? [join(DIST, rel, 'index.html')] : [join(DIST, rel), join(DIST, rel, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

const idCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
    idCache.set(file, ids);
  }
  return ids;
}

/** A page's file; 404.html is served for any unknown path, so its links are resolved from a deep one. */
const fileOf = (page: string) => join(DIST, page.endsWith('.html') ? page.slice(1) : `${page.slice(1)}index.html`);
const urlOf = (page: string) => new URL(`${BASE.slice(0, -1)}${page.endsWith('.html') ? '/no/such/page/' : page}`, ORIGIN);

const decode = (value: string) => value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

describe(`the build in ${DIST} under ${BASE}`, { skip: !existsSync(DIST) && `no ${DIST}: run npm run test:base` }, () => {
  const pages = existsSync(DIST) ? builtPages(DIST) : [];

  it('has pages', () => assert.ok(pages.length > 0));

  it('has no broken internal link, script, image or form target', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(fileOf(page), 'utf8');
      const pageUrl = urlOf(page);
      const refs = [...html.matchAll(/\s(href|src|action|srcset)="([^"]*)"/g)].flatMap((m) =>
        m[1] === 'srcset' ? m[2]!.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [m[2]!],
      );
      for (const raw of refs) {
        const value = decode(raw);
        if (/^(mailto|tel|data|javascript):/i.test(value)) continue;
        if (value.startsWith('#')) {
          // Same document: the id must be on this page.
          checked++;
          if (value.length > 1 && !idsIn(fileOf(page)).has(decodeURIComponent(value.slice(1)))) broken.push(`${page}: ${value} → no such id`);
          continue;
        }
        const url = new URL(value, pageUrl);
        if (url.origin !== ORIGIN) continue; // external
        checked++;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${page}: ${value} → ${url.pathname}${url.pathname.startsWith(BASE) ? ' (no such file)' : ' (outside the base path)'}`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (fragment && target.endsWith('.html') && !idsIn(target).has(fragment)) broken.push(`${page}: ${value} → no id "${fragment}"`);
      }
    }
    assert.ok(checked > 0, 'found internal links to check');
    assert.deepEqual(broken, []);
  });

  it('puts the base path in canonical and share URLs', () => {
    for (const page of pages.filter((p) => !p.endsWith('.html'))) {
      const html = readFileSync(fileOf(page), 'utf8');
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
      assert.ok(canonical, `${page}: canonical`);
      assert.equal(new URL(canonical).pathname, `${BASE.slice(0, -1)}${page}`, `${page}: canonical path`);
      for (const m of html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)) {
        const data = JSON.parse(m[1]!);
        if (data.url) assert.ok(new URL(data.url).pathname.startsWith(BASE), `${page}: JSON-LD url ${data.url}`);
      }
    }
  });

  it('lists every article and claim page in the sitemap, under the base path', () => {
    const index = join(DIST, 'sitemap-index.xml');
    assert.ok(existsSync(index), 'sitemap-index.xml');
    const urls = readdirSync(DIST)
      .filter((name) => /^sitemap-\d+\.xml$/.test(name))
      .flatMap((name) => [...readFileSync(join(DIST, name), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
    for (const article of articles()) {
      assert.ok(urls.includes(`${BASE}articles/${article.slug}/`), `sitemap has ${article.slug}`);
      for (const claim of article.annotations.claims ?? []) {
        assert.ok(urls.includes(`${BASE}articles/${article.slug}/claims/${claim.id}/`), `sitemap has claim ${claim.id}`);
      }
    }
    for (const url of urls) assert.ok(fileFor(url), `sitemap entry ${url} is a page of the build`);
  });

  it('targets the article under the base path in the Web Annotation export', () => {
    for (const article of articles()) {
      const file = join(DIST, 'articles', article.slug, 'annotations.jsonld');
      if ((article.annotations.claims ?? []).length === 0) continue;
      const collection = JSON.parse(readFileSync(file, 'utf8'));
      for (const item of collection.first.items) {
        assert.equal(new URL(item.target.source).pathname, `${BASE}articles/${article.slug}/`);
      }
    }
  });
});
