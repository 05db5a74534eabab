import { test, expect } from '@playwright/test';
import { articles, squash } from '../support/site.ts';
import { KIND_LABEL, RATING_LABEL } from '../../src/model/labels.ts';

const all = articles();

test('home lists every article and links to it', async ({ page }) => {
  await page.goto('/');
  for (const article of all) {
    const link = page.getByRole('link', { name: article.frontmatter.title, exact: true });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}/$`));
    await page.goBack();
  }
});

for (const article of all) {
  test.describe(`article ${article.slug}`, () => {
    test('shows the title, author, provenance and every paragraph in order', async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      const h1 = page.locator('h1');
      await expect(h1).toHaveCount(1);
      // The headline may carry claim markers and screen-reader labels; the words are all there.
      const headline = squash(await h1.evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.claim-marker, .sr-only').forEach((n) => n.remove());
        return copy.textContent ?? '';
      }));
      expect(headline).toBe(squash(article.frontmatter.title));
      await expect(page.locator('.byline')).toContainText(article.frontmatter.author.name);
      await expect(page.locator('.byline')).toContainText(article.frontmatter.publisher);
      // The full publication details are one step away, with the assessment.
      await page.locator('.editors-notes summary').click();
      const provenance = page.locator('.provenance');
      await expect(provenance).toContainText(article.frontmatter.publisher);
      for (const copy of article.frontmatter.republished ?? []) {
        await expect(provenance).toContainText(copy.publisher);
        if (copy.url) await expect(provenance.locator(`a[href="${copy.url}"]`)).toBeVisible();
      }
      if (article.frontmatter.copyright) await expect(provenance).toContainText(article.frontmatter.copyright);

      const rendered = await page.locator('.article-body').evaluate((body) =>
        [...body.querySelectorAll(':scope > p, :scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6')].map((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.claim-marker, .sr-only, .cite, .source-ref, .paragraph-link').forEach((n) => n.remove());
          return copy.textContent ?? '';
        }),
      );
      expect(rendered.map(squash)).toEqual(article.paragraphs);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const article of all) {
    test(`${article.slug} is readable, notes included`, async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      // The text a sighted reader sees: markers and screen-reader labels aside.
      const visible = squash(await page.locator('.article-body').evaluate((body) => {
        const copy = body.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.claim-marker, .sr-only, .claim-notes').forEach((n) => n.remove());
        return copy.textContent ?? '';
      }));
      for (const paragraph of article.paragraphs) expect(visible).toContain(paragraph);
      // Every note is in the HTML, and a marker's link shows its note.
      const claims = article.annotations.claims ?? [];
      await expect(page.locator('.note')).toHaveCount(claims.length);
      if (claims.length > 0) {
        await page.locator('.article-body .claim-marker').first().click();
        await expect(page.locator('.note:target')).toBeVisible();
      }
    });
  }
});

test('the seed article has none of the publisher boilerplate', async ({ page }) => {
  await page.goto(`/articles/japans-new-stance-on-russia/`);
  const text = await page.locator('main').innerText();
  for (const phrase of ['Translate Website', 'Daily Newsletter', 'Note to readers', 'Become a Member', 'Disclaimer', 'fair use', 'click here']) {
    expect(text).not.toContain(phrase);
  }
  // The paragraph the copy broke in two is one again.
  await expect(page.locator('.article-body p', { hasText: 'the islands of Kunashiri and Etorofu to be included' })).toHaveCount(1);
});

test('unknown paths get the 404 page', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});

test.describe('the claims ledger', () => {
  for (const article of all) {
    const claims: { id: string; kind: keyof typeof KIND_LABEL; rating?: keyof typeof RATING_LABEL }[] = article.annotations.claims ?? [];
    test.skip(claims.length === 0, 'no claims');
    test(`${article.slug}: lists every claim once, with its kind and its rating or "Not rated", each said once`, async ({ page }) => {
      await page.goto(`/articles/${article.slug}/`);
      // Words keep their spaces when the markup around them is squeezed (copying, reader modes).
      expect(squash((await page.locator('.ledger-counts').textContent()) ?? '')).toMatch(new RegExp(`^${claims.length} claims?: \\d+ `));
      expect(squash((await page.locator('.exports', { hasText: 'Download the claims' }).textContent()) ?? '')).toMatch(/^Download the claims: W3C Web Annotations \(JSON-LD\) · spreadsheet \(CSV\)\.$/);
      for (const backrefs of await page.locator('.backrefs').all()) expect(squash((await backrefs.textContent()) ?? '')).toMatch(/^Cited in: [a-z]+\d*( [a-z]+\d*)*$/);
      const entries = page.locator('#claims .ledger-list > li');
      await expect(entries).toHaveCount(claims.length);
      for (const claim of claims) {
        const entry = entries.filter({ has: page.locator(`a[href="#claim-${claim.id}"]`) });
        await expect(entry).toHaveCount(1);
        const text = squash((await entry.textContent()) ?? '');
        const kind = KIND_LABEL[claim.kind];
        const verdict = claim.rating ? RATING_LABEL[claim.rating] : 'Not rated';
        expect(text, claim.id).toContain(verdict);
        expect(text.split(kind).length - 1, `${claim.id}: "${kind}" once in "${text}"`).toBe(1);
      }
    });
  }
});
