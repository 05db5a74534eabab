/**
 * The reading apparatus works with and without JavaScript: a marked passage's marker leads to its
 * note, shown by the passage, a citation leads to its source and the source's
 * back-link to the citation, and a shared `#claim-…` link lands on the passage. Claims and
 * citations are picked from the content files at test time.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import { articles } from '../support/site.ts';

const withClaims = articles().filter((a) => (a.annotations.claims ?? []).length > 0);

/** Whether the element's box is at least partly inside the viewport. */
async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight && r.height > 0;
  });
}

async function expectLanded(page: Page, id: string, js: boolean) {
  const target = page.locator(`[id="${id}"]`);
  await expect(target).toBeVisible();
  await expect.poll(() => inViewport(target), { message: `#${id} scrolled into view` }).toBe(true);
  if (!js) await expect(page).toHaveURL(new RegExp(`#${id}$`));
}

for (const js of [false, true]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    for (const article of withClaims) {
      const claims: any[] = article.annotations.claims;
      const cited = claims.find((c) => /\[\^[a-z0-9-]+\]/.test(c.note ?? '')) ;
      const last = claims[claims.length - 1];

      test(`${article.slug}: marker → note, shown by its passage`, async ({ page }) => {
        await page.goto(`/articles/${article.slug}/`);
        for (const claim of [claims[0], last]) {
          const passage = page.locator(`#claim-${claim.id}`);
          await expect(passage).toBeVisible();
          const marker = page.locator(`a.claim-marker[href="#note-${claim.id}"]`);
          await expect(marker).toHaveCount(1);
          await marker.click();
          await expectLanded(page, `note-${claim.id}`, js);
          // The note sits by its passage (below it, or beside it in the margin): no need to go back.
          const gap = await page.evaluate((id) => {
            const note = document.getElementById(`note-${id}`)!.getBoundingClientRect();
            const claim = document.getElementById(`claim-${id}`)!.getClientRects()[0]!;
            return { apart: Math.abs(note.top - claim.top), screen: innerHeight };
          }, claim.id);
          expect(gap.apart, 'note within a screen of its passage').toBeLessThan(gap.screen);
        }
      });

      test(`${article.slug}: a citation leads to its source, and the source back to the citation`, async ({ page }) => {
        test.skip(!cited, 'no note cites a source');
        await page.goto(`/articles/${article.slug}/`);
        const citation = page.locator(`#note-${cited.id} sup.cite a`).first();
        const citationId = await citation.getAttribute('id');
        const href = await citation.getAttribute('href');
        expect(href).toMatch(/^#source-\d+$/);
        // Notes may be collapsed by the enhanced reader: open the note through its marker first.
        await page.locator(`a.claim-marker[href="#note-${cited.id}"]`).click();
        await citation.click();
        // With JavaScript the citation first opens a preview of the source in place.
        if (js) await page.locator('.source-preview').getByRole('link', { name: 'In the list of sources' }).click();
        await expectLanded(page, href!.slice(1), js);
        const back = page.locator(`${href} a[href="#${citationId}"]`);
        await expect(back).toHaveCount(1);
        await back.click();
        await expectLanded(page, citationId!, js);
      });

      test(`${article.slug}: a shared link to a claim lands on its passage, and its claim page links back`, async ({ page }) => {
        await page.goto(`/articles/${article.slug}/#claim-${last.id}`);
        await expectLanded(page, `claim-${last.id}`, js);
        await page.goto(`/articles/${article.slug}/claims/${last.id}/`);
        await page.getByRole('link', { name: 'See this passage in the article' }).click();
        await expect(page).toHaveURL(new RegExp(`/articles/${article.slug}/#claim-${last.id}$`));
        await expectLanded(page, `claim-${last.id}`, js);
      });
    }
  });
}
