/**
 * Search that helps (issue 13, point 8), at a desktop and a phone width: a typo gets
 * "Did you mean …?" leading to results; nothing found shows ways on and no empty filter
 * pane; an empty query lists every claim, and a rating narrows them to exactly that
 * rating's claims. Claims and words come from the content and the built word list.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { articles } from '../support/site.ts';
import { nearestWord } from '../../src/lib/search-words.ts';
import { RATING_LABEL } from '../../src/model/labels.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const claims = articles().flatMap((a) => ((a.annotations.claims ?? []) as any[]).map((c) => ({ ...c, slug: a.slug })));
const claimPath = (c: { slug: string; id: string }) => `/articles/${c.slug}/claims/${c.id}/`;
const ratingOf = (c: { rating?: string }) => (c.rating ? RATING_LABEL[c.rating as keyof typeof RATING_LABEL] : 'Not rated');
const results = (page: Page) => page.locator('pagefind-results ul.pf-results > li');

/** Scroll every lazily drawn result into view until all are drawn, then return their links in order. */
async function allResultLinks(page: Page, count: number): Promise<string[]> {
  await expect(results(page)).toHaveCount(count, { timeout: 15_000 });
  await expect
    .poll(async () => {
      await page.evaluate(async () => {
        for (const li of document.querySelectorAll('pagefind-results ul.pf-results > li')) {
          if (li.querySelector('a.sr-link')) continue;
          li.scrollIntoView();
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
      });
      return results(page).locator('a.sr-link').count();
    }, { timeout: 30_000 })
    .toBe(count);
  return results(page).locator('a.sr-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** A mistyped word (one letter dropped) whose nearest word in the site's list is the word itself: "Kishda" when the seed article is there. */
async function typo(page: Page): Promise<{ typo: string; word: string }> {
  const list: string[] = await (await page.request.get('/search/words.json')).json();
  if (list.includes('Kishida')) return { typo: 'Kishda', word: 'Kishida' };
  for (const word of list) {
    if (word.length < 7) continue;
    const wrong = word.slice(0, 4) + word.slice(5);
    if (!list.some((w) => w.toLowerCase() === wrong.toLowerCase()) && nearestWord(wrong, list) === word) return { typo: wrong, word };
  }
  throw new Error('no word in /search/words.json to mistype');
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test.describe.configure({ timeout: 60_000 });

    test('a typo gets "Did you mean …?", which runs the right word and finds results', async ({ page }) => {
      const { typo: wrong, word } = await typo(page);
      await page.goto(`/search/?q=${encodeURIComponent(wrong)}`);
      const suggestion = page.locator('[data-search-suggest]');
      await expect(suggestion).toBeVisible();
      await expect(suggestion).toHaveText(`Did you mean ${word}?`);
      await suggestion.getByRole('link', { name: word }).click();
      await expect(page.getByLabel('Search articles, claims and notes')).toHaveValue(word);
      await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));
      await expect(page.locator('.search-summary')).toContainText(new RegExp(`\\d+ results? for ${word}`));
      expect(await results(page).count()).toBeGreaterThan(0);
      await expect(suggestion).toBeHidden();
    });

    test('a search that finds nothing offers ways on and shows no empty filter pane', async ({ page }) => {
      await page.goto('/search/?q=qqzxwv');
      await expect(page.locator('.search-summary')).toContainText(/no results/i);
      const none = page.locator('[data-search-none]');
      await expect(none).toBeVisible();
      await expect(page.locator('pagefind-filter-pane')).toBeHidden();
      await expect(page.locator('[data-search-suggest]')).toBeHidden();
      await expect(none.getByRole('link', { name: `All ${claims.length} claims` })).toBeVisible();
      for (const label of [...Object.values(RATING_LABEL), 'Not rated']) await expect(none.getByRole('link', { name: label, exact: true })).toBeVisible();
      await expect(none.locator('a[href^="/search/?article="]')).toHaveCount(articles().length);
      const found = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(found.violations.map((v) => v.id)).toEqual([]);
      // A rating link browses that rating's claims.
      const label = ratingOf(claims[0]!);
      await none.getByRole('link', { name: label, exact: true }).click();
      const expected = claims.filter((c) => ratingOf(c) === label).map(claimPath).sort();
      expect((await allResultLinks(page, expected.length)).sort()).toEqual(expected);
    });

    test('an empty query lists every claim, and a rating filter narrows them to exactly that rating\'s claims', async ({ page }) => {
      await page.goto('/search/');
      // Reached from the search page's own link; submitting an empty field does the same.
      await page.getByRole('link', { name: `Browse all ${claims.length} claims` }).click();
      await expect(page).toHaveURL(/\/search\/\?browse$/);
      const every = await allResultLinks(page, claims.length);
      expect([...every].sort()).toEqual(claims.map(claimPath).sort()); // every claim, and nothing else
      await expect(page.locator('[data-search-none]')).toBeHidden();
      const found = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(found.violations.map((v) => v.id)).toEqual([]);

      const pane = page.locator('pagefind-filter-pane');
      const group = pane.locator('details[data-filter-name="rating"]');
      if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
      // The rating shared by the fewest claims (at least one).
      const counts = new Map<string, number>();
      for (const c of claims) counts.set(ratingOf(c), (counts.get(ratingOf(c)) ?? 0) + 1);
      const [rating] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
      await group.locator(`input[value="${rating}"]`).check();
      const expected = claims.filter((c) => ratingOf(c) === rating).map(claimPath);
      expect((await allResultLinks(page, expected.length)).sort()).toEqual(expected.sort());
      for (const badge of await page.locator('.sr-claim .badge').allInnerTexts()) expect(badge).toContain(rating);
    });

    test('submitting an empty field browses; typing words searches again', async ({ page }) => {
      await page.goto('/search/');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(results(page)).toHaveCount(claims.length, { timeout: 15_000 });
      const { word } = await typo(page);
      await page.getByLabel('Search articles, claims and notes').fill(word);
      await expect(page.locator('.search-summary')).toContainText(new RegExp(`\\d+ results? for ${word}`));
    });
  });
}

test('/search/?rating=… (any case, hyphens for spaces) arrives browsing that rating\'s claims', async ({ page }) => {
  const rated = claims.find((c) => c.rating)!;
  await page.goto(`/search/?rating=${rated.rating}`);
  const expected = claims.filter((c) => c.rating === rated.rating).map(claimPath);
  expect((await allResultLinks(page, expected.length)).sort()).toEqual(expected.sort());
  await expect(page.locator(`pagefind-filter-pane input[value="${ratingOf(rated)}"]`)).toBeChecked();
});

test('an article\'s claims ledger leads to the search page browsing exactly that article\'s claims', async ({ page }) => {
  const article = articles().find((a) => (a.annotations.claims ?? []).length > 0)!;
  await page.goto(`/articles/${article.slug}/`);
  await page.locator('#claims').getByRole('link', { name: 'Filter these claims' }).click();
  await expect(page).toHaveURL(/\/search\/\?article=/);
  const expected = claims.filter((c) => c.slug === article.slug).map(claimPath);
  expect((await allResultLinks(page, expected.length)).sort()).toEqual(expected.sort());
});
