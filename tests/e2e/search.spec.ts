/**
 * Search (issue 6), end to end against the built and indexed site. Words, claims and
 * sources are picked from the content files at test time, never hard-coded, except
 * the three terms the issue names for the seed article.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articles, CONTENT } from '../support/site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const all = articles();
const claims = all.flatMap((a) => ((a.annotations.claims ?? []) as any[]).map((c) => ({ ...c, slug: a.slug })));

/** Every text a reader could find on any indexed page, lower-cased: all content files as written. */
const corpus = all
  .map((a) => readFileSync(join(CONTENT, a.slug, 'article.md'), 'utf8') + readFileSync(join(CONTENT, a.slug, 'annotations.yaml'), 'utf8'))
  .join('\n')
  .toLowerCase();
const occurrences = (stem: string) => corpus.split(stem.toLowerCase()).length - 1;
const words = (markdown: string) =>
  markdown.replace(/\[\^[^\]]*\]/g, ' ').replace(/\]\([^)]*\)/g, ' ').match(/\p{L}+/gu) ?? [];

/** A word of one claim's note found nowhere else in the content (stemming allowed for). */
function wordOnlyInOneNote() {
  for (const claim of claims) {
    for (const word of words(claim.note ?? '')) {
      if (word.length < 8) continue;
      if (occurrences(word.slice(0, -2)) === 1) return { word, claim };
    }
  }
  throw new Error('no note has a word of its own');
}

const claimPath = (c: { slug: string; id: string }) => `/articles/${c.slug}/claims/${c.id}/`;
const results = (page: Page) => page.locator('pagefind-results ul.pf-results > li');

/** Scroll every lazily drawn result into view, then return the links of all of them. */
async function allResultLinks(page: Page): Promise<string[]> {
  await expect(page.locator('.search-summary')).toContainText(/\d+ results? for/);
  // Pagefind may redraw the list while results stream in: retry the walk until it holds still.
  await expect(async () => {
    const count = await results(page).count();
    for (let i = 0; i < count; i++) {
      await results(page).nth(i).scrollIntoViewIfNeeded({ timeout: 2_000 });
      await expect(results(page).nth(i).locator('a.sr-link')).toBeVisible({ timeout: 2_000 });
    }
  }).toPass({ timeout: 20_000 });
  return results(page).locator('a.sr-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

async function search(page: Page, term: string) {
  await page.goto(`/search/?q=${encodeURIComponent(term)}`);
  await expect(page.locator('.search-summary')).toContainText(/\d+ results? for/);
}

test('a word only in one claim\'s note finds that claim, and the result leads to it with the word marked', async ({ page }) => {
  const { word, claim } = wordOnlyInOneNote();
  await search(page, word);
  await expect(results(page)).toHaveCount(1);
  const link = results(page).first().locator('a.sr-link');
  await expect(link).toHaveAttribute('href', new RegExp(`${claimPath(claim)}\\?highlight=`));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${claimPath(claim)}\\?highlight=`));
  await expect(page.locator('mark.search-hit').first()).toBeVisible();
  await expect(page.locator('mark.search-hit').first()).toContainText(new RegExp(word.slice(0, -2), 'i'));
});

test('a phrase from the article text finds the article, and its passage link lands on the claim with the words marked', async ({ page }) => {
  for (const article of all) {
    // Words of a paragraph that holds a claim: the article result lists that claim as a passage.
    const claim = (article.annotations.claims ?? []).find((c: any) => c.quote.split(/\s+/).length >= 4 && article.paragraphs.some((p) => p.includes(c.quote)));
    const paragraph = claim ? article.paragraphs.find((p) => p.includes(claim.quote))! : article.paragraphs[1]!;
    const phrase = (claim ? claim.quote : paragraph).split(/\s+/).filter((w: string) => /^\p{L}{4,}$/u.test(w)).slice(0, 4).join(' ');
    await page.setViewportSize({ width: 1280, height: 4000 });
    await search(page, phrase);
    const articleResult = page.locator('.sr-article').filter({ has: page.locator(`a.sr-link[href^="/articles/${article.slug}/?"]`) });
    await expect(articleResult).toHaveCount(1);
    if (!claim) continue;
    const passage = articleResult.locator(`a.sr-passage-link[href$="#claim-${claim.id}"]`);
    await expect(passage).toHaveCount(1);
    await passage.click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}/\\?highlight=.*#claim-${claim.id}$`));
    await expect(page.locator(`#claim-${claim.id}`)).toBeInViewport();
    await expect(page.locator(`#claim-${claim.id} mark.search-hit`).first()).toBeVisible();
  }
});

test('a source\'s title finds the claims that cite it', async ({ page }) => {
  // The source cited by the fewest claims, whose title has words (not only numbers).
  const sources = all.flatMap((a) =>
    Object.entries((a.annotations.sources ?? {}) as Record<string, any>).map(([id, s]) => ({
      id, title: String(s.title),
      citing: (a.annotations.claims ?? []).filter((c: any) => String(c.note).includes(`[^${id}]`)).map((c: any) => ({ ...c, slug: a.slug })),
    })),
  ).filter((s) => s.citing.length > 0 && words(s.title).length >= 3);
  sources.sort((a, b) => a.citing.length - b.citing.length || b.title.length - a.title.length);
  const source = sources[0]!;
  await search(page, words(source.title).join(' '));
  const links = await allResultLinks(page);
  for (const claim of source.citing) expect(links).toContain(claimPath(claim));
});

test('a rating filter narrows the results to that rating', async ({ page }) => {
  // A word many claims share, so that there is something to narrow.
  const common = ['japan', 'russia', 'treaty', 'islands'].sort((a, b) => occurrences(b) - occurrences(a))[0]!;
  await page.setViewportSize({ width: 1280, height: 4000 });
  await search(page, common);
  const before = await results(page).count();
  const pane = page.locator('pagefind-filter-pane');
  const group = pane.locator('details[data-filter-name="rating"]');
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
  const option = group.locator('label.pf-filter-checkbox:not([data-pf-hidden])').first();
  const rating = (await option.locator('input').getAttribute('value'))!;
  await option.locator('input').check();
  await expect.poll(() => results(page).count()).toBeLessThan(before);
  const after = await allResultLinks(page);
  expect(after.length).toBeGreaterThan(0);
  const badges = await page.locator('.sr-claim .badge').allInnerTexts();
  expect(badges).toHaveLength(after.length);
  for (const badge of badges) expect(badge).toContain(rating === 'Not rated' ? 'Not rated' : rating);
});

test('/search/?q= runs the query on arrival', async ({ page }) => {
  const { word } = wordOnlyInOneNote();
  await page.goto(`/search/?q=${encodeURIComponent(word)}`);
  await expect(page.getByLabel('Search articles, claims and notes')).toHaveValue(word);
  await expect(page.locator('.search-summary')).toContainText(`1 result for ${word}`);
});

test('arriving with ?q=, the files Pagefind\'s worker starts with are fetched ahead of it, once', async ({ browser }) => {
  // src/scripts/search-prefetch.ts fetches them beside the Component UI; the worker must then
  // find them in the HTTP cache (dist/_headers gives /pagefind/ a minute's freshness), not fetch
  // them again. A request answered from the cache is still reported, with no bytes received:
  // only those that came over the network count. A fresh context: nothing cached before.
  const context = await browser.newContext();
  const transfers: Promise<{ path: string; type: string } | null>[] = [];
  context.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.includes('/pagefind/')) return;
    transfers.push(request.sizes().then((size) => (size.responseHeadersSize + size.responseBodySize > 0 ? { path, type: request.resourceType() } : null)));
  });
  const page = await context.newPage();
  const { word } = wordOnlyInOneNote();
  await page.goto(`/search/?q=${encodeURIComponent(word)}`);
  await expect(page.locator('.search-summary')).toContainText(`1 result for ${word}`);
  await expect(results(page)).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  const fetched = (await Promise.all(transfers)).filter((item) => item !== null);
  const matching = (pattern: RegExp) => fetched.filter((item) => pattern.test(item.path));
  // The worker's script came once, as the page's fetch: the worker itself took it from the cache.
  expect(matching(/\/pagefind-worker\.js$/).map((item) => item.type), 'worker script').toEqual(['fetch']);
  expect(matching(/\/pagefind-entry\.json$/), 'entry file').toHaveLength(1);
  expect(matching(/\/wasm\.[\w-]+\.pagefind$/), 'WebAssembly').toHaveLength(1);
  expect(matching(/\.pf_meta$/), 'metadata').toHaveLength(1);
  expect(matching(/\/pagefind-component-ui\.js$/), 'Component UI').toHaveLength(1);
  await context.close();
});

test('keyboard only: / opens the search, typing searches, the count is announced, ↓ and Enter follow a result', async ({ page }) => {
  // Collect what Pagefind's live regions say (they clear themselves after a moment).
  await page.addInitScript(() => {
    (window as any).__announced = [];
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[data-pagefind-announcer] [aria-live]')) {
        const text = region.textContent?.trim();
        if (text) (window as any).__announced.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const { word, claim } = wordOnlyInOneNote();
  await page.goto('/');
  await page.keyboard.press('/');
  await expect(page.locator('[data-search-entry] input')).toBeFocused();
  await page.keyboard.type(word);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  await expect(results(page)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => (window as any).__announced.join(' | '))).toContain(`1 result for ${word}`);

  // On the search page, / comes back to the field; typing refines; ↓ enters the results.
  await page.keyboard.press('/');
  const field = page.getByLabel('Search articles, claims and notes');
  await expect(field).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const first = results(page).first().locator('a').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(field).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(claimPath(claim)));
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe reports nothing on the search page with results and filters open (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await search(page, 'SWIFT');
    await page.locator('pagefind-filter-pane details').first().locator('summary').click();
    await allResultLinks(page);
    const found = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
    await context.close();
  });
}

test('no other page fetches anything under /pagefind/; the search page loads it on intent, or after a quiet spell', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/pagefind/')) fetched.push(request.url());
  });
  const article = all[0]!;
  const claim = claims[0]!;
  for (const path of ['/', `/articles/${article.slug}/`, claimPath(claim), '/about/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
  }
  expect(fetched).toEqual([]);
  // The search page exists to search, but right after load it must answer the reader, so
  // nothing of Pagefind runs until the reader shows intent: its <head> only fetches the
  // Component UI's files and pagefind.js, and nothing asks for the worker or the index ...
  await page.goto('/search/');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  expect(fetched.map((u) => new URL(u).pathname).sort()).toEqual(['/pagefind/pagefind-component-ui.css', '/pagefind/pagefind-component-ui.js', '/pagefind/pagefind.js']);
  expect(await page.evaluate(() => 'PagefindComponents' in window || document.querySelector('pagefind-results') !== null)).toBe(false);
  // ... such as moving the pointer: then Pagefind, its UI and its WebAssembly load before
  // anything is typed, and nothing new shows until a search runs.
  await page.mouse.move(200, 200);
  await expect.poll(() => fetched.some((u) => u.includes('pagefind-component-ui.js'))).toBe(true);
  await expect.poll(() => fetched.some((u) => /\/wasm\.[\w-]+\.pagefind$/.test(u))).toBe(true);
  await expect(page.locator('[data-search-ui]')).toBeHidden();
  await expect(page.locator('[data-search-status]')).toHaveText('');
});

test('a search page left untouched loads Pagefind after a few quiet seconds', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.includes('/pagefind/')) fetched.push(request.url());
  });
  await page.goto('/search/');
  // The page's <head> fetches the Component UI at once, but nothing runs it yet.
  expect(await page.evaluate(() => 'PagefindComponents' in window)).toBe(false);
  await expect.poll(() => page.evaluate(() => 'PagefindComponents' in window), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => fetched.some((u) => /\/wasm\.[\w-]+\.pagefind$/.test(u)), { timeout: 15_000 }).toBe(true);
  await expect(page.locator('[data-search-ui]')).toBeHidden();
  await context.close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says so and links to each article\'s claims ledger; the header form still goes to it', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    for (const article of all) await expect(page.locator(`a[href="/articles/${article.slug}/#claims"]`)).toBeVisible();
    await expect(page.locator('#search-q')).toBeHidden();
    await page.goto('/');
    await page.locator('[data-search-entry] input').fill('treaty');
    await page.locator('[data-search-entry] button').click();
    await expect(page).toHaveURL(/\/search\/\?q=treaty$/);
  });
});

test.describe('the seed article: Shikotan, SWIFT, 1956', () => {
  const seed = all.find((a) => a.slug === 'japans-new-stance-on-russia');
  for (const term of ['Shikotan', 'SWIFT', '1956']) {
    test(`"${term}" returns the claims about it, each landing on its passage with the word marked`, async ({ page }) => {
      test.skip(!seed, 'seed article absent');
      // The claims whose note, summary or quote name the term, in words a reader sees: a citation's
      // source id ([^frus-habomai-1956]) is shown as its number, so it is not searchable text.
      const visible = (note: string) => note.replace(/\[\^[^\]]+\]/g, '');
      const about = claims.filter((c) => c.slug === seed!.slug && [visible(c.note), c.summary, c.quote].join(' ').toLowerCase().includes(term.toLowerCase()));
      expect(about.length).toBeGreaterThan(0);
      await page.setViewportSize({ width: 1280, height: 4000 });
      await search(page, term);
      const links = await allResultLinks(page);
      for (const claim of about) expect(links).toContain(claimPath(claim));
      // Follow the first claim result: its page, the term marked.
      const first = page.locator('.sr-claim a.sr-link').first();
      const target = new URL((await first.getAttribute('href'))!, 'http://x').pathname;
      await first.click();
      await expect(page).toHaveURL(new RegExp(`${target}\\?highlight=`));
      await expect(page.locator('mark.search-hit').first()).toBeVisible();
      await expect(page.locator('mark.search-hit').first()).toHaveText(new RegExp(term, 'i'));
    });
  }
});
