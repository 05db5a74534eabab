/**
 * Linking to claims (issue #5): every kind of claim link lands on the claim, the copy
 * button, paragraph links, claim pages and their share metadata, and both exports.
 * Expectations come from the content files (tests/support/site.ts), never hard-coded.
 */
import { curlyQuotes } from '../../src/pipeline/typography.ts';
import { test, expect, type Page } from '@playwright/test';
import { articles, claimsInPageOrder, squash, type ArticleFixture } from '../support/site.ts';
import { articleTextFromPage } from '../support/article-text.ts';
import { KIND_LABEL, RATING_LABEL } from '../../src/model/labels.ts';
import type { ClaimKind, Rating } from '../../src/pipeline/types.ts';

interface ClaimYaml {
  id: string;
  quote: string;
  kind: ClaimKind;
  rating?: Rating;
  summary: string;
}

const all = articles();
/** In the order the page numbers them (reading order). */
const claimsOf = (article: ArticleFixture): ClaimYaml[] => claimsInPageOrder(article, article.annotations.claims ?? []);
/** Quotes straight and single (a quote shown inside quotation marks has its own turned single), white space folded. */
const loose = (text: string) => squash(text).replace(/[‘’“”"]/g, "'");
const widths = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** The claim is the target, highlighted, focused, and its first line is in view and not covered. */
async function expectLanded(page: Page, id: string) {
  await expect(page).toHaveURL(new RegExp(`#claim-${id}$`));
  const claim = page.locator(`[id="claim-${id}"]`);
  await expect(claim).toBeFocused();
  await expect
    .poll(() =>
      claim.evaluate((el) => {
        const line = el.getClientRects()[0];
        if (!line) return 'no box';
        if (line.top < 0 || line.bottom > window.innerHeight) return `line at ${Math.round(line.top)}..${Math.round(line.bottom)} of ${window.innerHeight}`;
        const hit = document.elementFromPoint(line.left + Math.min(8, line.width / 2), (line.top + line.bottom) / 2);
        if (!hit || !el.contains(hit)) return `covered by ${hit?.outerHTML.slice(0, 60)}`;
        if (!el.matches(':target')) return 'not the target';
        return getComputedStyle(el).outlineStyle === 'none' ? 'not highlighted' : 'landed';
      }),
    )
    .toBe('landed');
}

for (const article of all) {
  const claims = claimsOf(article);
  const articlePath = `/articles/${article.slug}/`;

  for (const { name, width, height } of widths) {
    test.describe(`${article.slug}, claim links at ${width} px`, () => {
      test.use({ viewport: { width, height } });
      test.skip(claims.length === 0, 'no claims');
      // One page load or more per claim: allow for long articles on a busy machine.
      test.setTimeout(60_000 + claims.length * 4_000);

      test(`a pasted #claim- URL lands on each claim (${name})`, async ({ page }) => {
        for (const claim of claims) {
          await page.goto(`${articlePath}#claim-${claim.id}`);
          await expectLanded(page, claim.id);
        }
      });

      test(`each ledger link lands on its claim (${name})`, async ({ page }) => {
        await page.goto(articlePath);
        for (const claim of claims) {
          await page.locator(`#claims a[href="#claim-${claim.id}"]`).click();
          await expectLanded(page, claim.id);
        }
      });

      test(`each note's one link, Share, leads to its claim's page (${name})`, async ({ page }) => {
        await page.goto(articlePath);
        for (const claim of claims) {
          // From the keyboard: on a phone each note opening or closing moves the text below it, and a
          // pointer aimed at a marker while the page settles can land on its neighbour.
          await page.locator(`[id="marker-${claim.id}"]`).focus();
          await page.keyboard.press('Enter');
          const note = page.locator(`[id="note-${claim.id}"]`);
          await expect(note).toBeVisible();
          const links = note.locator('.note-links a');
          await expect(links).toHaveCount(1);
          await expect(links).toHaveAccessibleName(/^Share claim \d+$/);
          await expect(links).toHaveAttribute('href', `claims/${claim.id}/`);
          await page.keyboard.press('Escape');
          // On a phone Escape closes the note in place: let it close before the next marker opens one.
          if (name === 'phone') await expect(note).toBeHidden();
        }
      });

      test(`each claim page links back to its claim (${name})`, async ({ page }) => {
        for (const claim of claims) {
          await page.goto(`${articlePath}claims/${claim.id}/`);
          await page.getByRole('link', { name: 'See this passage in the article' }).click();
          await expectLanded(page, claim.id);
        }
      });
    });
  }

  test.describe(`${article.slug}, sharing`, () => {
    test.skip(claims.length === 0, 'no claims');

    for (const { name, width, height } of widths) {
      test(`a claim page shows its address with a copy button that puts it on the clipboard, and links nowhere to itself (${name})`, async ({ browser, baseURL }) => {
        const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width, height } });
        const page = await context.newPage();
        for (const claim of [claims[0]!, claims.at(-1)!]) {
          const path = `${articlePath}claims/${claim.id}/`;
          await page.goto(path);
          const url = `${baseURL}${path}`;
          await expect(page.locator('.claim-url')).toHaveText(new URL(path, 'https://critical-edition.example').href);
          // In-page links (citations to the source list below) are fine; a link to the page itself is not.
          const self = await page.locator('a[href]').evaluateAll((as) => as.filter((a) => (a as HTMLAnchorElement).hash === '' && (a as HTMLAnchorElement).href === location.href).length);
          expect(self).toBe(0);
          // Found by class: its accessible name changes once it has copied.
          const button = page.locator('button.copy-link');
          await expect(button).toHaveAccessibleName('Copy link to this claim page');
          await button.click();
          await expect(button).toHaveAccessibleName('Copied to this claim page');
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
          await expect(page.getByRole('status').filter({ hasText: 'copied' })).toContainText(url);
        }
        await context.close();
      });
    }

    test('every paragraph has an id and a ¶ link to itself, shown on hover and focus', async ({ page }) => {
      await page.goto(articlePath);
      const paragraphs = page.locator('.article-body p:not(.claim-notes p)');
      const count = await paragraphs.count();
      expect(count).toBeGreaterThanOrEqual(article.paragraphs.length - 1);
      const missing = await paragraphs.evaluateAll((ps) =>
        ps.filter((p) => !p.id || p.querySelector(`:scope > a.paragraph-link[href="#${CSS.escape(p.id)}"]`) === null).map((p) => p.outerHTML.slice(0, 80)),
      );
      expect(missing).toEqual([]);
      const ids = await paragraphs.evaluateAll((ps) => ps.map((p) => p.id));
      expect(new Set(ids).size).toBe(ids.length);

      const paragraph = paragraphs.nth(Math.floor(count / 2));
      const link = paragraph.locator(':scope > .paragraph-link');
      await expect(link).toHaveAccessibleName('Link to this paragraph');
      await page.mouse.move(0, 0);
      await expect(link).toHaveCSS('opacity', '0');
      await paragraph.hover();
      await expect(link).toHaveCSS('opacity', '1');
      await page.mouse.move(0, 0);
      await link.focus();
      await expect(link).toHaveCSS('opacity', '1');
      await page.keyboard.press('Enter');
      const id = await paragraph.getAttribute('id');
      await expect(page).toHaveURL(new RegExp(`#${id}$`));
      await expect(paragraph).toBeInViewport();
    });
  });

  test.describe(`${article.slug}, claim pages`, () => {
    for (const [index, claim] of claims.entries()) {
      test(`${claim.id}: quote in its paragraph, verdict, provenance, navigation and share metadata`, async ({ page, baseURL }) => {
        const path = `${articlePath}claims/${claim.id}/`;
        await page.goto(path);
        const main = page.locator('main');
        await expect(main.locator('blockquote mark')).toHaveCount(1);
        expect(loose(await main.locator('blockquote mark').innerText())).toBe(loose(claim.quote));
        await expect(main.locator('h1')).toContainText(curlyQuotes(claim.summary));
        await expect(main.locator('h1')).toContainText(KIND_LABEL[claim.kind]);
        if (claim.rating) await expect(main.locator('h1')).toContainText(RATING_LABEL[claim.rating]);
        await expect(main.locator('.claim-note')).not.toBeEmpty();
        const provenance = main.locator('.provenance');
        await expect(provenance).toContainText(article.frontmatter.publisher);
        await expect(main.getByRole('link', { name: article.frontmatter.title }).first()).toBeVisible();

        const prev = claims[index - 1];
        const next = claims[index + 1];
        const nav = page.getByRole('navigation', { name: 'Other claims in this article' });
        if (prev) await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', new RegExp(`/claims/${prev.id}/$`));
        else await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
        if (next) await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', new RegExp(`/claims/${next.id}/$`));
        else await expect(nav.locator('a[rel="next"]')).toHaveCount(0);

        const head = page.locator('head');
        const canonical = await head.locator('link[rel="canonical"]').getAttribute('href');
        expect(canonical).toMatch(new RegExp(`^https?://[^/]+(/.*)?${path}$`));
        await expect(head.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical!);
        const verdict = claim.rating ? RATING_LABEL[claim.rating] : KIND_LABEL[claim.kind];
        const ogTitle = (await head.locator('meta[property="og:title"]').getAttribute('content')) ?? '';
        expect(ogTitle.startsWith(`${verdict}: “`)).toBe(true);
        expect(loose(claim.quote).startsWith(loose(ogTitle.slice(verdict.length + 3)).replace(/[…'"]+$/, '').trim())).toBe(true);
        await expect(head.locator('meta[property="og:description"]')).toHaveAttribute('content', curlyQuotes(claim.summary));
        await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /^summary/);
        await expect(head.locator('meta[name="twitter:title"]')).toHaveAttribute('content', ogTitle);
        await expect(head.locator('meta[name="twitter:description"]')).toHaveAttribute('content', curlyQuotes(claim.summary));

        const jsonLd = await page.locator('script[type="application/ld+json"]').allTextContents();
        const reviews = jsonLd.map((text) => JSON.parse(text)).filter((data) => data['@type'] === 'ClaimReview');
        if (!claim.rating) {
          expect(reviews).toEqual([]);
          return;
        }
        expect(reviews).toHaveLength(1);
        const review = reviews[0];
        expect(review['@context']).toBe('https://schema.org');
        expect(review.url).toBe(canonical);
        expect(loose(review.claimReviewed)).toBe(loose(claim.quote));
        expect(review.author).toMatchObject({ '@type': 'Organization', name: expect.any(String), url: expect.stringMatching(/^https?:/) });
        const checked = article.annotations.article?.checked;
        if (checked) expect(review.datePublished).toBe(String(checked instanceof Date ? checked.toISOString().slice(0, 10) : checked));
        expect(review.itemReviewed['@type']).toBe('Claim');
        expect(review.itemReviewed.author).toMatchObject({ name: article.frontmatter.author.name });
        const appearances = [review.itemReviewed.appearance].flat();
        expect(appearances.map((a: any) => a.publisher?.name)).toContain(article.frontmatter.publisher);
        expect(review.itemReviewed.firstAppearance.publisher.name).toBe(article.frontmatter.publisher);
        expect(review.reviewRating['@type']).toBe('Rating');
        expect(review.reviewRating.alternateName).toBe(RATING_LABEL[claim.rating]);
        expect(review.reviewRating.name).toBe(RATING_LABEL[claim.rating]);
        expect(`${baseURL}${path}`.endsWith(new URL(review.url).pathname)).toBe(true);
      });
    }
  });

  test.describe(`${article.slug}, exports`, () => {
    test('the article links to both exports', async ({ page }) => {
      await page.goto(articlePath);
      const jsonLd = page.getByRole('link', { name: /Web Annotations \(JSON-LD\)/ });
      const csv = page.getByRole('link', { name: /CSV/ });
      if (claims.length === 0) {
        await expect(jsonLd).toHaveCount(0);
        return;
      }
      const jsonResponse = await page.request.get(new URL((await jsonLd.getAttribute('href'))!, page.url()).href);
      expect(jsonResponse.ok()).toBe(true);
      const csvResponse = await page.request.get(new URL((await csv.getAttribute('href'))!, page.url()).href);
      expect(csvResponse.ok()).toBe(true);
    });

    test('every annotation re-anchors to exactly one place in the rendered page text', async ({ page, request }) => {
      const response = await request.get(`${articlePath}annotations.jsonld`);
      if (claims.length === 0) return;
      const collection = await response.json();
      expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(collection.type).toBe('AnnotationCollection');
      expect(collection.total).toBe(collection.first.items.length);
      // Our notes; replies from the author (motivation "replying") follow them.
      const items: any[] = collection.first.items.filter((item: any) => item.motivation === 'assessing');
      expect(items.map((item) => item.id.split('#').pop())).toEqual(claims.map((c) => c.id));

      await page.goto(articlePath);
      const text = await page.evaluate(articleTextFromPage);
      const articleUrl = new URL(page.url()).pathname;
      for (const [i, item] of items.entries()) {
        const claim = claims[i]!;
        expect(item.type).toBe('Annotation');
        expect(item.motivation).toBe('assessing');
        const values = item.body.map((b: any) => b.value);
        expect(values).toContain(KIND_LABEL[claim.kind]);
        if (claim.rating) expect(item.body.find((b: any) => b.purpose === 'assessing')?.value).toBe(RATING_LABEL[claim.rating]);
        else expect(item.body.find((b: any) => b.purpose === 'assessing')).toBeUndefined();
        expect(values).toContain(curlyQuotes(claim.summary));
        expect(item.body.find((b: any) => b.purpose === 'commenting')?.value).toBeTruthy();

        expect(new URL(item.target.source).pathname).toBe(articleUrl);
        const quote = item.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
        const position = item.target.selector.find((s: any) => s.type === 'TextPositionSelector');
        expect(loose(quote.exact)).toBe(loose(claim.quote));
        const needle = `${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`;
        const found: number[] = [];
        for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
        expect(found, `${claim.id} matches once`).toHaveLength(1);
        // Positions count Unicode code points, as the W3C model does.
        const start = Array.from(text.slice(0, found[0]! + (quote.prefix ?? '').length)).length;
        expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + Array.from(quote.exact as string).length });
      }
    });

    test('the CSV has one row per claim with its verdict and links', async ({ request, baseURL }) => {
      const response = await request.get(`${articlePath}claims.csv`);
      if (claims.length === 0) return;
      expect(response.headers()['content-type'] ?? '').toMatch(/csv/);
      const [header, ...rows] = parseCsv(await response.text());
      expect(header).toEqual(['number', 'id', 'kind', 'rating', 'quote', 'summary', 'note', 'sources', 'topics', 'inside_claim', 'start', 'end', 'claim_url', 'article_url']);
      expect(rows.map((row) => row[1])).toEqual(claims.map((c) => c.id));
      for (const [i, row] of rows.entries()) {
        const claim = claims[i]!;
        const field = (name: string) => row[header!.indexOf(name)]!;
        expect(field('number')).toBe(String(i + 1));
        expect(field('kind')).toBe(KIND_LABEL[claim.kind]);
        expect(field('rating')).toBe(claim.rating ? RATING_LABEL[claim.rating] : '');
        expect(loose(field('quote'))).toBe(loose(claim.quote));
        expect(field('summary').replace(/^'/, '')).toBe(curlyQuotes(claim.summary));
        expect(field('note')).not.toBe('');
        expect(new URL(field('claim_url')).pathname).toBe(new URL(`${baseURL}${articlePath}claims/${claim.id}/`).pathname);
        expect(new URL(field('article_url')).hash).toBe(`#claim-${claim.id}`);
      }
    });
  });
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; rows end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) row.push(field), rows.push(row);
  return rows;
}
