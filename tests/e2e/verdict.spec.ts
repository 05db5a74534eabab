/**
 * Reading, round two (issue 13): the verdict first, problems standing out, margin notes that show
 * their verdict, the marks explained where they are, numbers in reading order. At the two widths
 * the issue names. Everything is derived from the content files and the built page.
 */
import { test, expect, type Page } from '@playwright/test';
import { articles, claimsInPageOrder } from '../support/site.ts';
import { RATING_LABEL } from '../../src/model/labels.ts';

const SCREENS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];
const PROBLEMS = ['inaccurate', 'misleading', 'missing-context'];
const annotated = articles().filter((a) => (a.annotations.claims ?? []).length > 0);
const url = (slug: string) => `/articles/${slug}/`;

/** Page-coordinate top and bottom of an element (first line box for inline ones). */
const box = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    return { top: r.top + scrollY, bottom: r.bottom + scrollY };
  });

test('the home page gives each article its bottom line and its counts by rating', async ({ page }) => {
  await page.goto('/');
  for (const article of annotated) {
    const card = page.locator('.article-card').filter({ hasText: article.frontmatter.title.slice(0, 30) });
    const verdict = article.annotations.article?.verdict;
    if (verdict) await expect(card.locator('.card-verdict')).toContainText(verdict.replace(/\s+/g, ' ').trim().slice(0, 60));
    const claims: any[] = article.annotations.claims;
    await expect(card.locator('.counts-total')).toHaveText(`${claims.length} claims checked`);
    for (const rating of new Set(claims.map((c) => c.rating).filter(Boolean))) {
      const count = claims.filter((c) => c.rating === rating).length;
      await expect(card.locator(`.counts-list [data-rating="${rating}"]`)).toHaveText(new RegExp(`${count} ${RATING_LABEL[rating as keyof typeof RATING_LABEL].toLowerCase()}$`));
    }
  }
});

for (const article of annotated) {
  const claims = claimsInPageOrder(article, article.annotations.claims as any[]);
  const problems = claims.filter((c) => PROBLEMS.includes(c.rating));

  for (const { name, width, height } of SCREENS) {
    test.describe(`${article.slug} at ${name} width`, () => {
      test.use({ viewport: { width, height }, reducedMotion: 'reduce' });

      test('1. the first screen shows the headline and the bottom line; the text starts within 1.3 screens', async ({ page }) => {
        await page.goto(url(article.slug));
        await expect(page.locator('h1')).toBeInViewport();
        const line = await box(page, '.bottom-line');
        expect(line.bottom).toBeLessThanOrEqual(height);
        const first = await box(page, '.article-body > p');
        expect(first.top).toBeLessThanOrEqual(1.3 * height);
        // The counts, in words with their symbols, and links to the worst problems.
        const figure = page.locator('.verdict .counts');
        await expect(figure.locator('.counts-total')).toHaveText(`${claims.length} claims checked`);
        for (const rating of new Set(claims.map((c) => c.rating).filter(Boolean))) {
          await expect(figure.locator(`.counts-list [data-rating="${rating}"]`)).toContainText(RATING_LABEL[rating as keyof typeof RATING_LABEL].toLowerCase());
        }
        const links = page.locator('.verdict-problems li a');
        await expect(links).toHaveCount(Math.min(3, problems.length));
        for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
          expect(problems.map((c) => `#claim-${c.id}`)).toContain(href);
        }
        // The full assessment is one step away.
        await page.locator('.editors-notes summary').click();
        await expect(page.getByRole('heading', { name: 'Our assessment' })).toBeVisible();
      });

      test('2. problems stand out, and the view switch shows all claims, problems only or the plain text, remembered', async ({ page }) => {
        await page.goto(url(article.slug));
        const fill = (id: string) => page.locator(`[id="claim-${id}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
        const quiet = claims.find((c) => c.rating === 'accurate');
        if (problems[0] && quiet) {
          expect(await fill(problems[0].id)).not.toBe(await fill(quiet.id));
          expect(await fill(quiet.id)).toBe('rgba(0, 0, 0, 0)');
        }
        const shownMarkers = () => page.locator('.article-body .claim-marker:visible, .edition .claim-marker:visible').evaluateAll((els) => [...new Set(els.map((el) => el.id.replace(/^marker-/, '')))].sort());
        await expect.poll(shownMarkers).toEqual(claims.map((c) => c.id).sort());
        await page.getByRole('radio', { name: 'Problems only' }).check();
        await expect.poll(shownMarkers).toEqual(problems.map((c) => c.id).sort());
        // Carried across pages (and visits): another page, then back.
        await page.goto('/about/');
        await page.goto(url(article.slug));
        await expect(page.getByRole('radio', { name: 'Problems only' })).toBeChecked();
        await expect.poll(shownMarkers).toEqual(problems.map((c) => c.id).sort());
        await page.getByRole('radio', { name: 'Plain text' }).check();
        await expect.poll(shownMarkers).toEqual([]);
        expect(await fill(problems[0]?.id ?? claims[0]!.id)).toBe('rgba(0, 0, 0, 0)');
        await page.getByRole('radio', { name: 'All claims' }).check();
        await expect.poll(shownMarkers).toEqual(claims.map((c) => c.id).sort());
      });

      test('4. a key to the marks in words at the start of the text, and each mark says what it means', async ({ page }) => {
        await page.goto(url(article.slug));
        const key = page.locator('.marks-key');
        await expect(key).toBeVisible();
        const keyBottom = (await box(page, '.marks-key')).bottom;
        expect(keyBottom).toBeLessThanOrEqual((await box(page, '.article-body > p')).top);
        for (const rating of new Set(claims.map((c) => c.rating).filter(Boolean))) {
          await expect(key).toContainText(RATING_LABEL[rating as keyof typeof RATING_LABEL].toLowerCase());
        }
        const marker = page.locator('.article-body .claim-marker').first();
        await marker.focus();
        const label = (await marker.getAttribute('aria-label'))!;
        expect(label).toMatch(/^Note \d+: /);
        const shown = await marker.evaluate((el) => getComputedStyle(el, '::after').content);
        expect(shown).toBe(JSON.stringify(label));
      });

      test('5. a citation opens a preview of its source from the keyboard; Escape closes it and returns focus; nothing jumps', async ({ page }) => {
        const cited = claims.find((c) => /\[\^[a-z0-9-]+\]/.test(c.note ?? ''));
        test.skip(!cited, 'no note cites a source');
        await page.goto(url(article.slug));
        await page.locator(`[id="marker-${cited.id}"]`).click();
        const citation = page.locator(`[id="note-${cited.id}"] sup.cite a`).first();
        await expect(citation).toBeVisible();
        const size = await citation.boundingBox();
        expect(size!.width).toBeGreaterThanOrEqual(24);
        expect(size!.height).toBeGreaterThanOrEqual(24);
        await citation.focus();
        const scrolled = await page.evaluate(() => scrollY);
        await page.keyboard.press('Enter');
        const preview = page.getByRole('dialog', { name: /^Source \d+$/ });
        await expect(preview).toBeVisible();
        await expect(preview).toBeFocused();
        expect(await page.evaluate(() => scrollY)).toBe(scrolled);
        const target = (await citation.getAttribute('href'))!;
        const card = page.locator(`${target} .source-card`);
        await expect(preview.locator('.source-title')).toHaveText((await card.locator('.source-title').textContent())!);
        const excerpt = card.locator('.source-excerpt');
        if (await excerpt.count()) await expect(preview.locator('.source-excerpt')).toHaveText((await excerpt.textContent())!);
        await expect(preview).toBeInViewport();
        await page.keyboard.press('Escape');
        await expect(preview).toHaveCount(0);
        await expect(citation).toBeFocused();
        expect(await page.evaluate(() => scrollY)).toBe(scrolled);
      });

      test('7. marker numbers increase along the text, and Tab meets them in that order', async ({ page }) => {
        await page.goto(url(article.slug));
        const numbers = await page.locator('.article-body .claim-marker .claim-marker-n').allTextContents();
        const asNumbers = numbers.map(Number);
        expect(asNumbers).toEqual([...asNumbers].sort((a, b) => a - b));
        // Tab from the first marker in the body: the next markers come in increasing order.
        await page.locator('.article-body .claim-marker').first().focus();
        const met: number[] = [];
        for (let i = 0; i < 40 && met.length < Math.min(6, numbers.length); i++) {
          const n = await page.evaluate(() => document.activeElement?.closest('.claim-marker')?.querySelector('.claim-marker-n')?.textContent);
          if (n && Number(n) !== met.at(-1)) met.push(Number(n));
          await page.keyboard.press('Tab');
        }
        expect(met).toEqual([...met].sort((a, b) => a - b));
      });
    });
  }

  test('9. curly quotes, never doubled; the ¶ never alone on a line; bracketed titles explained; a claim heading readable on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url(article.slug));
    const notes = await page.locator('.edition .note .note-summary, .edition .note .note-body, .source-excerpt, .ledger-quote').allTextContents();
    expect(notes.filter((t) => t.includes('"')), 'straight double quotes').toEqual([]);
    const shown = await page.locator('.ledger-quote, q.source-excerpt').evaluateAll((els) => els.map((el) => getComputedStyle(el, '::before').content.replace(/^"|"$/g, '') + el.textContent));
    expect(shown.filter((t) => /[“”"]{2}|‘‘|’’$/.test(t) || /^[“"]{2}/.test(t)), 'doubled quotation marks').toEqual([]);
    // Each ¶ is glued to the word before it (an inline link starting with a word joiner), so it cannot start a line.
    const loose = await page.locator('.article-body .paragraph-link').evaluateAll((links) => links.filter((a) => !(a.textContent ?? '').startsWith('\u2060') || getComputedStyle(a).display !== 'inline').length);
    expect(loose).toBe(0);
    const titles = Object.values<any>(article.annotations.sources ?? {}).map((s) => s.title as string);
    if (titles.some((t) => t.startsWith('['))) await expect(page.locator('.sources-brackets')).toContainText('square brackets');
    await page.goto(`${url(article.slug)}claims/${claims[0]!.id}/`);
    const kicker = await page.locator('.claim-page > .kicker').evaluate((el) => ({ lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)), upper: getComputedStyle(el).textTransform }));
    expect(kicker.upper).toBe('none');
    expect(kicker.lines).toBeLessThanOrEqual(4);
  });

  test.describe(`${article.slug}: margin notes at 1280 px`, () => {
    test.use({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });

    test('3. every note shows its verdict line beside its claim, starting no lower than the notes above need, never overlapping', async ({ page }) => {
      await page.goto(url(article.slug));
      await page.mouse.move(0, 0);
      const notes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.edition .note')].map((note) => {
          const r = note.getBoundingClientRect();
          const summary = note.querySelector<HTMLElement>('.note-summary')!;
          const claim = document.getElementById(`claim-${note.id.slice(5)}`)!.getClientRects()[0]!;
          return { id: note.id, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, summaryShown: summary.checkVisibility() && summary.getBoundingClientRect().height > 10, claimTop: claim.top + scrollY };
        }),
      );
      expect(notes.filter((n) => !n.summaryShown).map((n) => n.id), 'notes without their verdict line').toEqual([]);
      notes.forEach((note, i) => {
        expect(note.top, `${note.id} above its claim`).toBeGreaterThanOrEqual(note.claimTop - 1);
        const previous = notes[i - 1];
        if (previous) expect(note.top, `${note.id} overlaps the note above`).toBeGreaterThanOrEqual(previous.bottom - 0.5);
        // No lower than needed: level with its claim, or just below the note above it.
        const pushed = previous ? Math.max(note.claimTop, previous.bottom) : note.claimTop;
        expect(note.top, `${note.id} lower than needed`).toBeLessThanOrEqual(pushed + 12);
      });
    });

    test('3. hovering or focusing a claim marks its note, and a note its claim; hovering a crowded note shows it in full', async ({ page }) => {
      await page.goto(url(article.slug));
      const id = claims[Math.floor(claims.length / 2)]!.id;
      // The middle of the claim's first line box (a passage over several lines has no single box).
      const claim = page.locator(`[id="claim-${id}"]`);
      await claim.scrollIntoViewIfNeeded();
      const at = await claim.evaluate((el) => {
        const r = [...el.getClientRects()].sort((a, b) => b.width - a.width)[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await page.mouse.move(at.x, at.y);
      await expect(page.locator(`[id="note-${id}"]`)).toHaveClass(/is-active/);
      await expect(page.locator(`[id="note-${id}"] .note-summary`)).toBeVisible();
      await page.mouse.move(0, 0);
      await expect(page.locator(`[id="note-${id}"]`)).not.toHaveClass(/is-active/);
      const other = claims[1]!.id;
      await expect(page.locator(`[id="note-${other}"] .note-body`)).toBeHidden();
      await page.locator(`[id="note-${other}"]`).hover();
      await expect(page.locator(`[id="claim-${other}"]`)).toHaveClass(/is-active/);
      await expect(page.locator(`[id="note-${other}"] .note-body`)).toBeVisible();
    });

    test('3. without JavaScript each note sits beside its own paragraph', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(url(article.slug));
      const displaced = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.article-body > aside.claim-notes')].flatMap((aside) => {
          const block = aside.previousElementSibling!.getBoundingClientRect();
          // The next block of text starts below every note of this one (the row grows if need be).
          const next = aside.nextElementSibling?.getBoundingClientRect().top ?? Infinity;
          return [...aside.querySelectorAll<HTMLElement>('.note')]
            .filter((note) => {
              const r = note.getBoundingClientRect();
              return r.left < block.right || r.top < block.top - 1 || r.bottom > next + 1;
            })
            .map((note) => note.id);
        }),
      );
      expect(displaced).toEqual([]);
      await context.close();
    });
  });
}
