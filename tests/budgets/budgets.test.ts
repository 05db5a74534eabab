/**
 * Performance budgets, checked on the built site (DIST_DIR, default dist) after `npm run build`.
 * Sizes only, never times: they are the same on every machine. Why each budget and how it is
 * measured: docs/performance.md ("Budgets"). 1 KB = 1,000 bytes; gzip is zlib level 9.
 *
 *   node --test 'tests/budgets/**\/*.test.ts'
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'parse5';
import {
  attr,
  contentFloor,
  elements,
  gzipSize,
  htmlPages,
  inlineCssGzip,
  isArticlePage,
  isClaimPage,
  markupOverhead,
  weighPage,
} from './weigh.ts';

const dist = resolve(process.env.DIST_DIR ?? 'dist');
const base = process.env.BASE_PATH ?? '/';

export const BUDGETS = {
  /** A claim page with everything it loads (HTML, CSS, fonts, scripts; search excluded), gzip; and
   *  the least an article page may weigh before its own content counts (below). */
  pageGzip: 30_000,
  /** An article page may weigh max(pageGzip, this × its content floor): see weigh.ts, contentFloor. */
  contentMultiple: 2,
  /** gzip(HTML without its inline CSS) / the content floor of an article page: see weigh.ts, markupOverhead. */
  markupOverhead: 1.5,
  /** The CSS a page sends inline, in its <style> elements, gzip: all of it arrives before the first paint. */
  inlineCssGzip: 6_000,
  /** The first TCP round trip: 10 segments × 1,460 bytes (initial congestion window, RFC 6928). */
  firstScreenGzip: 14_600,
  /** JavaScript a page loads (search excluded), gzip. */
  enhancementJsGzip: 5_000,
};

/**
 * Pages over a budget that we know of, each with the ceiling it must stay under: a ratchet, so
 * the page can only shrink. There are none: every page meets every budget.
 */
export const KNOWN_OVER: Record<'pageGzip' | 'markupOverhead', Record<string, number>> = {
  pageGzip: {},
  markupOverhead: {},
};

assert.ok(existsSync(dist), `${dist} does not exist: run npm run build first`);
const pages = htmlPages(dist);
const articlePages = pages.filter((file) => isArticlePage(dist, file));
const claimPages = pages.filter((file) => isClaimPage(dist, file));
const weights = new Map(pages.map((file) => [file, weighPage(dist, file, base)]));

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

/** Fails with the pages over budget (or over their known ceiling), worst first, and by how much. */
function overBudget(
  label: string,
  entries: { page: string; value: number }[],
  budget: number,
  format: (n: number) => string,
  known: Record<string, number> = {},
) {
  for (const e of entries) {
    if (e.page in known && e.value > budget) console.log(`# known over the ${label} budget: ${e.page} ${format(e.value)} (ceiling ${format(known[e.page]!)})`);
  }
  const limitOf = (page: string) => known[page] ?? budget;
  const over = entries.filter((e) => e.value > limitOf(e.page)).sort((a, b) => b.value - a.value);
  assert.equal(
    over.length,
    0,
    `${over.length} of ${entries.length} pages over the ${label} budget of ${format(budget)} (or their known ceiling):\n` +
      over
        .slice(0, 10)
        .map((e) => `  ${e.page}: ${format(e.value)} (over by ${format(e.value - limitOf(e.page))})`)
        .join('\n'),
  );
}

test('the site has article and claim pages to check', () => {
  assert.ok(articlePages.length > 0, 'no article pages in dist');
  assert.ok(claimPages.length > 0, 'no claim pages in dist');
});

test(`every claim page weighs at most ${kb(BUDGETS.pageGzip)} gzip with all it loads`, () => {
  const entries = claimPages.map((file) => ({ page: weights.get(file)!.page, value: weights.get(file)!.totalGzip }));
  overBudget('page weight', entries, BUDGETS.pageGzip, kb, KNOWN_OVER.pageGzip);
});

/**
 * An article page carries its whole text, every note and every source, which no markup can make
 * lighter: its budget grows with that content floor (the gzip of its visible text and the source
 * addresses it shows), at most twice it, and never below the claim pages' 30 KB.
 */
test(`every article page weighs at most max(${kb(BUDGETS.pageGzip)}, ${BUDGETS.contentMultiple} × its content floor) gzip with all it loads`, () => {
  const over: string[] = [];
  for (const file of articlePages) {
    const floor = contentFloor(readFileSync(file, 'utf8'));
    const limit = Math.max(BUDGETS.pageGzip, BUDGETS.contentMultiple * floor);
    const { page, totalGzip } = weights.get(file)!;
    console.log(`# ${page}: ${kb(totalGzip)}, content floor ${kb(floor)}, ${(totalGzip / floor).toFixed(2)} × the floor (budget ${kb(limit)})`);
    if (totalGzip > limit) over.push(`${page}: ${kb(totalGzip)}, over its budget of ${kb(limit)} by ${kb(totalGzip - limit)}`);
  }
  assert.deepEqual(over, []);
});

test(`markup overhead of article pages (gzip HTML without inline CSS / content floor) is at most ${BUDGETS.markupOverhead}`, () => {
  const entries = articlePages.map((file) => ({ page: weights.get(file)!.page, value: markupOverhead(readFileSync(file, 'utf8')) }));
  for (const e of entries) console.log(`# ${e.page}: markup overhead ${e.value.toFixed(2)}`);
  overBudget('markup overhead', entries, BUDGETS.markupOverhead, (n) => n.toFixed(2), KNOWN_OVER.markupOverhead);
});

test(`every page sends at most ${kb(BUDGETS.inlineCssGzip)} of inline CSS, gzip`, () => {
  const entries = pages.map((file) => ({ page: weights.get(file)!.page, value: inlineCssGzip(readFileSync(file, 'utf8')) }));
  overBudget('inline CSS', entries, BUDGETS.inlineCssGzip, kb);
});

/**
 * The first screen: the response up to the end of the first paragraph of the article body
 * (article pages) or the end of <main> (claim pages) — head, styles, header, headline and
 * the opening text. It must come in the first 14.6 KB of the gzip response, and nothing it
 * needs may be another request: a render-blocking stylesheet or classic script in <head>
 * costs a round trip before anything paints, so critical CSS has to be inline.
 */
function firstScreenEnd(html: string, claimPage: boolean): number | undefined {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const all = [...elements(doc as never)];
  if (claimPage) return all.find((e) => e.tagName === 'main')?.sourceCodeLocation?.endOffset;
  const body = all.find((e) => e.tagName === 'div' && (attr(e, 'class') ?? '').split(/\s+/).includes('article-body'));
  if (!body) return undefined;
  const first = [...elements(body)].find((e) => e !== body && e.tagName === 'p');
  return (first ?? body).sourceCodeLocation?.endOffset;
}

test(`the first screen of article and claim pages fits in the first ${kb(BUDGETS.firstScreenGzip)} gzip`, () => {
  const entries = [...articlePages, ...claimPages].map((file) => {
    const html = readFileSync(file, 'utf8');
    const end = firstScreenEnd(html, isClaimPage(dist, file));
    assert.ok(end !== undefined, `${weights.get(file)!.page}: no article body or <main> found`);
    return { page: weights.get(file)!.page, value: gzipSize(html.slice(0, end)) };
  });
  overBudget('first screen', entries, BUDGETS.firstScreenGzip, kb);
});

test('the first screen needs no other request: no render-blocking stylesheet or script', () => {
  const blocking = [...articlePages, ...claimPages].flatMap((file) =>
    weights
      .get(file)!
      .resources.filter((r) => r.renderBlocking)
      .map((r) => ({ page: weights.get(file)!.page, ref: r.ref, gzip: r.gzip })),
  );
  const byRef = new Map<string, { pages: number; gzip: number; example: string }>();
  for (const b of blocking) {
    const entry = byRef.get(b.ref) ?? { pages: 0, gzip: b.gzip, example: b.page };
    entry.pages += 1;
    byRef.set(b.ref, entry);
  }
  assert.equal(
    blocking.length,
    0,
    `render-blocking external resources before the first screen (inline the critical CSS instead):\n` +
      [...byRef].map(([ref, e]) => `  ${ref} (${kb(e.gzip)} gzip) on ${e.pages} pages, e.g. ${e.example}`).join('\n'),
  );
});

test('reading needs no JavaScript: the article text and every note are in the HTML, not hidden', () => {
  const problems: string[] = [];
  for (const file of articlePages) {
    const doc = parse(readFileSync(file, 'utf8'));
    const all = [...elements(doc as never)];
    const byId = new Map(all.flatMap((e) => (attr(e, 'id') ? [[attr(e, 'id')!, e] as const] : [])));
    const page = weights.get(file)!.page;
    const hidden = (e: any): boolean => {
      for (let node = e; node; node = node.parentNode) {
        if (!node.tagName) continue;
        if (['template', 'noscript'].includes(node.tagName)) return true;
        if (attr(node, 'hidden') !== undefined || attr(node, 'inert') !== undefined) return true;
        if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(node, 'style') ?? '')) return true;
      }
      return false;
    };
    const body = all.find((e) => e.tagName === 'div' && (attr(e, 'class') ?? '').split(/\s+/).includes('article-body'));
    if (!body || !all.some((e) => e.tagName === 'p' && isInside(e, body))) problems.push(`${page}: no article text`);
    else if (hidden(body)) problems.push(`${page}: the article text is hidden`);
    const claims = all.filter((e) => (attr(e, 'class') ?? '').split(/\s+/).includes('claim') && attr(e, 'id')?.startsWith('claim-'));
    for (const claim of claims) {
      const id = attr(claim, 'id')!.slice('claim-'.length);
      const note = byId.get(`note-${id}`);
      if (!note) problems.push(`${page}: claim ${id} has no note (#note-${id}) in the HTML`);
      else if (hidden(note)) problems.push(`${page}: the note on claim ${id} is hidden`);
    }
  }
  assert.deepEqual(problems, []);
});

test(`enhancement JavaScript is at most ${kb(BUDGETS.enhancementJsGzip)} gzip on every page`, () => {
  const entries = pages.map((file) => ({ page: weights.get(file)!.page, value: weights.get(file)!.jsGzip }));
  overBudget('JavaScript', entries, BUDGETS.enhancementJsGzip, kb);
});

test('no page loads anything from another origin', () => {
  const foreign = pages.flatMap((file) =>
    weights
      .get(file)!
      .resources.filter((r) => r.thirdParty)
      .map((r) => `${weights.get(file)!.page}: ${r.ref}`),
  );
  assert.deepEqual(foreign, []);
});

function isInside(node: any, ancestor: unknown): boolean {
  for (let n = node.parentNode; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}
