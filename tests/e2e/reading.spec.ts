/**
 * The reading experience (issue #7): notes beside or below their claims at every width,
 * the keyboard path, the view switch, print, and axe with notes open.
 * Everything is derived from the content files; nothing about the seed article is assumed.
 */
import { curlyQuotes } from '../../src/pipeline/typography.ts';
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { articles } from '../support/site.ts';
import { claimLabel } from '../../src/model/labels.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDE = 1280;
const WIDTHS = [1280, 768, 390, 320];
const annotated = articles().filter((a) => (a.annotations.claims ?? []).length > 0);
const url = (slug: string) => `/articles/${slug}/`;

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** Page-coordinate boxes of every note and of its claim's first line. */
async function noteGeometry(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.edition .note')].map((note) => {
      const r = note.getBoundingClientRect();
      const claim = document.getElementById(`claim-${note.id.slice(5)}`)!;
      const first = claim.getClientRects()[0];
      return {
        id: note.id,
        visible: r.height > 0 && getComputedStyle(note).display !== 'none',
        box: { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height },
        claimTop: first.top + scrollY,
      };
    }),
  );
}

async function textBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.edition :is(h1, .subtitle, .byline, .about-article, .article-body > :not(aside), .article-footer)')].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
    }),
  );
}

async function expectSidenotes(page: Page) {
  const notes = await noteGeometry(page);
  const text = await textBoxes(page);
  expect(notes.length).toBeGreaterThan(0);
  expect(notes.filter((n) => !n.visible).map((n) => n.id), 'notes not shown in the margin').toEqual([]);
  expect(notes.filter((n) => n.box.y < n.claimTop - 1).map((n) => n.id), 'notes starting above their claim').toEqual([]);
  const clashes: string[] = [];
  notes.forEach((a, i) => {
    for (const b of notes.slice(i + 1)) if (overlaps(a.box, b.box)) clashes.push(`${a.id} × ${b.id}`);
    text.forEach((t, k) => {
      if (overlaps(a.box, t)) clashes.push(`${a.id} × text block ${k}`);
    });
  });
  expect(clashes, 'overlapping boxes').toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** A claim in the body whose note is not the first: its marker, note and claim. */
function pick(page: Page, index: number): { marker: Locator; id: Promise<string> } {
  const marker = page.locator('.article-body .claim-marker').nth(index);
  return { marker, id: marker.getAttribute('id').then((id) => id!.replace(/^marker-/, '')) };
}

for (const article of annotated) {
  const claims: any[] = article.annotations.claims;

  test.describe(`reading ${article.slug}`, () => {
    test.use({ reducedMotion: 'reduce' });

    for (const width of WIDTHS) {
      test(`at ${width} px: no horizontal scroll, notes beside or below their claims`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url(article.slug));
        await expectNoHorizontalScroll(page);
        if (width >= WIDE) {
          await expectSidenotes(page);
          // Opening a note keeps the column free of overlaps.
          const { marker } = pick(page, Math.min(2, claims.length - 1));
          if (await marker.count()) {
            await marker.click();
            await expectSidenotes(page);
          }
        } else {
          const notes = await noteGeometry(page);
          expect(notes.filter((n) => n.visible)).toEqual([]);
        }
        await expectNoHorizontalScroll(page);
      });
    }

    test('at 200 % zoom (640 CSS px) nothing scrolls sideways', async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      await page.goto(url(article.slug));
      await expectNoHorizontalScroll(page);
      await page.locator('.editors-notes summary').click();
      await expectNoHorizontalScroll(page);
      await context.close();
    });

    test('without JavaScript the notes are still reachable, and never overlap on a wide screen', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDE, height: 900 } });
      const page = await context.newPage();
      await page.goto(url(article.slug));
      await expectSidenotes(page);
      await page.setViewportSize({ width: 390, height: 844 });
      const marker = page.locator('.article-body .claim-marker').first();
      const id = (await marker.getAttribute('id'))!.replace(/^marker-/, '');
      await expect(page.locator(`#note-${id}`)).toBeHidden();
      await marker.click();
      await expect(page.locator(`#note-${id}`)).toBeVisible();
      await expect(page.locator(`#note-${id} .note-body`)).toBeVisible();
      await context.close();
    });

    for (const width of [390, 320]) {
      test(`on a ${width} px phone a marker opens its note below the paragraph, claim still in view`, async ({ page }) => {
        await page.setViewportSize({ width, height: 700 });
        await page.goto(url(article.slug));
        const { marker, id } = pick(page, Math.floor(claims.length / 2));
        const claimId = await id;
        const note = page.locator(`#note-${claimId}`);
        await expect(note).toBeHidden();
        await marker.scrollIntoViewIfNeeded();
        await marker.click();
        await expect(note).toBeVisible();
        await expect(marker).toHaveAttribute('aria-expanded', 'true');
        const geometry = await page.evaluate((cid) => {
          const note = document.getElementById(`note-${cid}`)!.getBoundingClientRect();
          const aside = document.getElementById(`note-${cid}`)!.closest('aside')!;
          const block = aside.previousElementSibling!.getBoundingClientRect();
          const claim = document.getElementById(`claim-${cid}`)!.getClientRects()[0];
          const marker = document.getElementById(`marker-${cid}`)!.getBoundingClientRect();
          return { noteTop: note.top, blockBottom: block.bottom, claimTop: claim.top, markerBottom: marker.bottom, height: innerHeight };
        }, claimId);
        // In place, pushing the text down (not a popover over it) …
        expect(geometry.noteTop).toBeGreaterThanOrEqual(geometry.blockBottom - 1);
        // … and the claim's text is still on screen.
        expect(geometry.claimTop).toBeGreaterThanOrEqual(0);
        expect(geometry.markerBottom).toBeLessThanOrEqual(geometry.height);
        await expectNoHorizontalScroll(page);
        // Escape closes it and gives focus back to the marker.
        await page.keyboard.press('Escape');
        await expect(note).toBeHidden();
        await expect(marker).toBeFocused();
      });
    }

    test('every marker is a link named with its rating; claim boundaries are announced', async ({ page }) => {
      await page.goto(url(article.slug));
      for (const claim of claims) {
        const label = claimLabel(claim.kind, claim.rating);
        await expect(page.locator(`#marker-${claim.id}`)).toHaveAccessibleName(new RegExp(`${label}$`));
        await expect(page.locator(`#marker-${claim.id}`)).toHaveAttribute('href', `#note-${claim.id}`);
        const span = page.locator(`#claim-${claim.id}`);
        await expect(span.locator('> .sr-only').first()).toHaveText(new RegExp(`^Claim, ${label.toLowerCase()}`, 'i'));
        await expect(span.locator('> .sr-only').last()).toHaveText(/end of claim/);
      }
    });

    test('keyboard: n and p move through the claims, Enter opens a note, Escape closes it', async ({ page }) => {
      await page.setViewportSize({ width: WIDE, height: 900 });
      await page.goto(url(article.slug));
      const order = await page.locator('.edition .claim').evaluateAll((els) => els.map((el) => el.id));
      await page.keyboard.press('n');
      await expect(page.locator(`#${order[0]}`)).toBeFocused();
      if (order.length > 1) {
        await page.keyboard.press('n');
        await expect(page.locator(`#${order[1]}`)).toBeFocused();
        await expect(page.locator(`#${order[1]}`)).toBeInViewport();
        await page.keyboard.press('p');
        await expect(page.locator(`#${order[0]}`)).toBeFocused();
      }
      // The claim's focus ring is visible.
      const outline = await page.locator(`#${order[0]}`).evaluate((el) => getComputedStyle(el).outlineStyle);
      expect(outline).not.toBe('none');
      // Tab reaches the claim's marker, Enter opens its note, focus moves into it.
      const id = order[0].replace(/^claim-/, '');
      // (Tab passes any link inside the claim first, e.g. an author's source.)
      for (let i = 0; i < 6 && !(await page.locator(`#marker-${id}`).evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      await expect(page.locator(`#marker-${id}`)).toBeFocused();
      await page.keyboard.press('Enter');
      const note = page.locator(`#note-${id}`);
      await expect(note).toBeFocused();
      await expect(note.locator('.note-body')).toBeVisible();
      await expect(page.locator(`#claim-${id}`)).toHaveClass(/is-active/);
      await page.keyboard.press('Escape');
      await expect(page.locator(`#marker-${id}`)).toBeFocused();
      await expect(note.locator('.note-body')).toBeHidden();
    });

    test('hovering a claim lights its note, and hovering a note lights its claim', async ({ page }) => {
      await page.setViewportSize({ width: WIDE, height: 900 });
      await page.goto(url(article.slug));
      const id = claims[0].id;
      await page.locator(`#marker-${id}`).hover();
      await expect(page.locator(`#note-${id}`)).toHaveClass(/is-active/);
      const other = claims.at(-1).id;
      await page.locator(`#note-${other} .note-summary`).hover();
      await expect(page.locator(`#claim-${other}`)).toHaveClass(/is-active/);
      await expect(page.locator(`#note-${id}`)).not.toHaveClass(/is-active/);
    });

    test('the view switch gives the clean text and is remembered', async ({ page }) => {
      await page.goto(url(article.slug));
      const plain = page.getByRole('radio', { name: 'Plain text' });
      await expect(page.getByRole('radio', { name: 'All claims' })).toBeChecked();
      const first = page.locator(`#claim-${claims[0].id}`);
      const before = await first.evaluate((el) => getComputedStyle(el).borderBottomStyle);
      await plain.check();
      await expect(page.locator('.claim-marker').first()).toBeHidden();
      expect(await first.evaluate((el) => getComputedStyle(el).borderBottomStyle)).not.toBe(before);
      await page.reload();
      await expect(page.getByRole('radio', { name: 'Plain text' })).toBeChecked();
      await expect(page.locator('.claim-marker').first()).toBeHidden();
      await page.getByRole('radio', { name: 'All claims' }).check();
      await expect(page.locator('.claim-marker').first()).toBeVisible();
    });

    test('print: claims underlined and numbered, notes as endnotes, source URLs in full, no navigation', async ({ page }) => {
      await page.setViewportSize({ width: 800, height: 1000 });
      await page.goto(url(article.slug));
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.locator('.site-search')).toBeHidden();
      await expect(page.locator('.reader-tools')).toBeHidden();
      await expect(page.getByRole('heading', { name: 'Notes on the claims' })).toBeVisible();
      const layout = await page.evaluate(() => {
        const body = [...document.querySelectorAll('.article-body > :not(aside)')];
        const lastText = Math.max(...body.map((el) => el.getBoundingClientRect().bottom));
        const notes = [...document.querySelectorAll<HTMLElement>('.edition .note')].map((n) => ({
          top: n.getBoundingClientRect().top,
          shown: getComputedStyle(n).display !== 'none' && getComputedStyle(n.querySelector('.note-body')!).display !== 'none',
          text: n.innerText,
        }));
        const claim = document.querySelector('.article-body .claim')!;
        return {
          lastText,
          notes,
          underline: getComputedStyle(claim).textDecorationLine,
          footerTop: document.querySelector('.article-footer')!.getBoundingClientRect().top,
        };
      });
      expect(layout.notes).toHaveLength(claims.length);
      let previous = -Infinity;
      for (const [i, note] of layout.notes.entries()) {
        expect(note.shown).toBe(true);
        expect(note.top).toBeGreaterThan(layout.lastText);
        expect(note.top).toBeGreaterThan(previous);
        expect(note.top).toBeLessThan(layout.footerTop);
        expect(note.text).toContain(String(i + 1));
        previous = note.top;
      }
      for (const claim of claims) {
        const label = claim.rating ? claimLabel(claim.kind, claim.rating).split('rated ')[1] : 'not rated';
        const text = layout.notes.find((n) => n.text.toLowerCase().includes(curlyQuotes(claim.summary).slice(0, 40).toLowerCase()));
        expect(text?.text.toLowerCase(), claim.id).toContain(label.toLowerCase());
      }
      expect(layout.underline).toContain('underline');
      await expect(page.locator('.article-body .claim-marker').first()).toHaveText(/\d/);
      const sources = Object.values<any>(article.annotations.sources ?? {}).filter((s) => s.url);
      if (sources.length) {
        const printed = await page.locator('.source-card > a[href^="http"]').first().evaluate((a) => ({
          after: getComputedStyle(a, '::after').content,
          href: a.getAttribute('href'),
        }));
        expect(printed.after).toContain(printed.href!);
      }
    });

    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [WIDE, 390]) {
        test(`axe: no violation with a note open, ${scheme} scheme, ${width} px`, async ({ browser }) => {
          test.setTimeout(120_000);
          const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 }, reducedMotion: 'reduce' });
          const page = await context.newPage();
          await page.goto(url(article.slug));
          await page.locator('.editors-notes summary').click();
          await page.locator('.article-body .claim-marker').first().click();
          await page.locator('.article-body .claim-marker').first().hover();
          const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
          await page.getByRole('radio', { name: 'Plain text' }).check();
          const clean = await new AxeBuilder({ page }).withTags(WCAG).analyze();
          expect(clean.violations.map((v) => v.id)).toEqual([]);
          await context.close();
        });
      }
    }
  });
}
