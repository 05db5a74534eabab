/**
 * Corrections a reader can follow (docs/content-format.md, "Corrections and replies"): the
 * history of a claim on its note, its page and its article, the Atom feed, the report link and
 * replies. The fixture articles carry the history and replies; this file builds them itself with
 * a report contact set (REPORT_URL), serves the build on a free port, and reads its expectations
 * from the fixture content. The site under test elsewhere (built with no contact) must show no
 * report link at all.
 */
import { test, expect } from '@playwright/test';
import { curlyQuotes } from '../../src/pipeline/typography.ts';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FIXTURES, astroBuild, folders } from '../integration/support.ts';
import { builtPages } from '../support/site.ts';
import { formatDate } from '../../src/pipeline/display-date.ts';
import { RATING_LABEL } from '../../src/model/labels.ts';

const REPORT_URL = 'https://forms.example.org/report?claim={url}';
const SITE = 'https://edition.example';
const SLUG = 'corrections-and-replies';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Entry { date: string; changed: string; from?: string; to?: string; why: string }
interface Claim { id: string; checked?: string; history?: Entry[]; reply?: { by: string; date: string; text: string; url?: string } }
interface Annotations { article?: { checked?: string; history?: Entry[]; reply?: Claim['reply'] }; claims?: Claim[] }

const annotationsOf = (slug: string): Annotations =>
  parseYaml(readFileSync(join(FIXTURES, 'articles', slug, 'annotations.yaml'), 'utf8')) ?? {};
const fixture = annotationsOf(SLUG);
const claims = fixture.claims ?? [];
const corrected = claims.filter((claim) => (claim.history ?? []).length > 0);
const allSlugs = readdirSync(join(FIXTURES, 'articles')).sort();
const reportHref = (path: string) => REPORT_URL.replace('{url}', encodeURIComponent(new URL(path, SITE).href));
const claimPath = (slug: string, id: string) => `/articles/${slug}/claims/${id}/`;
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let server: ChildProcess | undefined;
let origin = '';

test.describe.configure({ mode: 'serial' });

test.describe('corrections, with a report contact set', () => {
  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const { dist, cache } = folders('e2e-corrections');
    const build = astroBuild({ content: FIXTURES, dist, cache, env: { REPORT_URL, SITE_URL: SITE } });
    if (build.status !== 0) throw new Error(`the fixtures build failed:\n${build.output.slice(-3000)}`);
    const started = spawn(process.execPath, ['scripts/serve.ts', dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    server = started;
    origin = await new Promise<string>((resolve, reject) => {
      started.stdout!.on('data', (chunk) => {
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
        if (found) resolve(found[0]);
      });
      started.on('exit', (code) => reject(new Error(`scripts/serve.ts exited with ${code}`)));
    });
  });
  test.afterAll(() => {
    server?.kill();
  });

  test('a corrected claim’s page shows the latest change, the whole history and the checked date', async ({ page }) => {
    expect(corrected.length).toBeGreaterThan(0);
    for (const claim of claims) {
      await page.goto(`${origin}${claimPath(SLUG, claim.id)}`);
      const history = claim.history ?? [];
      const checked = claim.checked ?? fixture.article?.checked;
      const section = page.getByRole('region', { name: 'History of this note' });
      if (checked) await expect(section).toContainText(`Checked against its sources on ${formatDate(checked)}.`);
      const items = section.getByRole('listitem');
      await expect(items).toHaveCount(history.length);
      if (history.length === 0) {
        await expect(section).toContainText('No corrections since it was published.');
        await expect(page.locator('.claim-update')).toHaveCount(0);
        continue;
      }
      for (const [i, entry] of history.entries()) {
        await expect(items.nth(i)).toContainText(`${formatDate(entry.date)}: `);
        await expect(items.nth(i)).toContainText(entry.why);
      }
      const latest = history.at(-1)!;
      const update = page.locator('.claim-update');
      await expect(update).toContainText(`Updated ${formatDate(latest.date)}:`);
      await expect(update).toContainText(latest.why);
      if (latest.changed === 'rating' && latest.from && latest.to) {
        await expect(update).toContainText(`rating changed from ${RATING_LABEL[latest.from as keyof typeof RATING_LABEL]} to ${RATING_LABEL[latest.to as keyof typeof RATING_LABEL]}`);
      }
      await update.getByRole('link', { name: 'Full history' }).click();
      await expect(page).toHaveURL(/#history$/);
      await expect(section.getByRole('heading')).toBeInViewport();
    }
  });

  test('the note shows when it was updated; opened, it says what changed and why', async ({ page }) => {
    for (const claim of corrected) {
      const latest = claim.history!.at(-1)!;
      await page.goto(`${origin}/articles/${SLUG}/#note-${claim.id}`);
      const note = page.locator(`#note-${claim.id}`);
      const update = note.locator('.note-update');
      await expect(update).toBeVisible();
      await expect(update).toContainText(`Updated ${formatDate(latest.date)}:`);
      await expect(update.locator('.note-update-detail')).toBeVisible();
      await expect(update).toContainText(latest.why);
    }
    for (const claim of claims.filter((c) => !c.history)) {
      await expect(page.locator(`#note-${claim.id} .note-update`)).toHaveCount(0);
    }
  });

  test('the article lists its corrections, newest first, each linked to its claim’s history', async ({ page }) => {
    await page.goto(`${origin}/articles/${SLUG}/`);
    const list = page.getByRole('region', { name: 'Corrections' }).getByRole('listitem');
    const expected = [...(fixture.article?.history ?? []), ...claims.flatMap((c) => c.history ?? [])];
    await expect(list).toHaveCount(expected.length);
    const dates = await list.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    const rating = corrected.find((claim) => claim.history!.some((entry) => entry.changed === 'rating'))!;
    await list.getByRole('link', { name: /Rating changed/ }).first().click();
    await expect(page).toHaveURL(`${origin}${claimPath(SLUG, rating.id)}#history`);
  });

  test('every page links to the Atom feed, which lists every correction on the site', async ({ page, request }) => {
    await page.goto(`${origin}/`);
    const link = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    await expect(link).toHaveCount(1);
    const response = await request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toMatch(/atom\+xml|xml/);
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const total = allSlugs
      .map(annotationsOf)
      .reduce((sum, a) => sum + (a.article?.history?.length ?? 0) + (a.claims ?? []).reduce((n, c) => n + (c.history?.length ?? 0), 0), 0);
    const links = [...xml.matchAll(/<entry>[\s\S]*?<link href="([^"]+)"\/>/g)].map((m) => m[1]!);
    expect(links).toHaveLength(total);
    for (const href of links) {
      const url = new URL(href);
      expect(url.origin).toBe(SITE);
      await page.goto(`${origin}${url.pathname}${url.hash}`);
      await expect(page.locator(url.hash)).toBeVisible();
    }
  });

  test('every note and claim page has a report link that names the claim', async ({ page }) => {
    for (const slug of allSlugs) {
      const ids = (annotationsOf(slug).claims ?? []).map((claim) => claim.id);
      await page.goto(`${origin}/articles/${slug}/`);
      const links = page.locator('.note-report a');
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
        await page.locator('.note').evaluateAll((notes) => notes.map((n) => n.id.replace(/^note-/, ''))).then((order) =>
          order.map((id) => reportHref(claimPath(slug, id))),
        ),
      );
      await expect(links).toHaveCount(ids.length);
    }
    const [claim] = claims;
    await page.goto(`${origin}${claimPath(SLUG, claim!.id)}`);
    const report = page.getByRole('link', { name: 'Report a problem with this claim' });
    await expect(report).toHaveAttribute('href', reportHref(claimPath(SLUG, claim!.id)));
    await expect(report).toHaveAttribute('rel', 'noopener noreferrer');
    await page.goto(`${origin}/about/`);
    await expect(page.getByRole('heading', { name: 'Corrections, replies and how to reach us' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'use the editors’ form' })).toHaveAttribute('href', reportHref('/about/'));
  });

  test('replies are shown apart from our note, and where there is none the page says how to send one', async ({ page, request }) => {
    const replied = claims.filter((claim) => claim.reply);
    expect(replied.length).toBeGreaterThan(0);
    for (const claim of claims) {
      await page.goto(`${origin}${claimPath(SLUG, claim.id)}`);
      if (!claim.reply) {
        const howto = page.locator('.reply-howto');
        await expect(howto).toContainText('may reply to this note');
        await expect(howto.getByRole('link', { name: 'write to the editors' })).toHaveAttribute('href', reportHref(claimPath(SLUG, claim.id)));
        continue;
      }
      const reply = page.getByRole('region', { name: `Reply from ${claim.reply.by}` });
      await expect(reply).toContainText(formatDate(claim.reply.date));
      // Typeset like every note: curly quotes (src/pipeline/typography.ts).
      await expect(reply.locator('blockquote')).toHaveText(curlyQuotes(squash(claim.reply.text.replace(/\*/g, ''))));
      // Apart from our note: not inside it, and our note does not contain the reply's words.
      await expect(page.locator('.claim-note #reply')).toHaveCount(0);
      await expect(page.locator('.claim-note')).not.toContainText(squash(claim.reply.text.replace(/\*/g, '')));
      // The note in the article points to it.
      await page.goto(`${origin}/articles/${SLUG}/#note-${claim.id}`);
      await page.locator(`#note-${claim.id} .note-reply`).getByRole('link', { name: 'read the reply' }).click();
      await expect(page).toHaveURL(`${origin}${claimPath(SLUG, claim.id)}#reply`);
    }
    const articleReply = fixture.article?.reply;
    expect(articleReply).toBeTruthy();
    await page.goto(`${origin}/articles/${SLUG}/`);
    const section = page.getByRole('region', { name: `Reply from ${articleReply!.by}` });
    await expect(section).toContainText(squash(articleReply!.text.replace(/\*/g, '')));
    if (articleReply!.url) await expect(section.getByRole('link')).toHaveAttribute('href', articleReply!.url);

    const collection = await (await request.get(`${origin}/articles/${SLUG}/annotations.jsonld`)).json();
    const replies = collection.first.items.filter((item: { motivation: string }) => item.motivation === 'replying');
    expect(replies).toHaveLength(replied.length + 1);
    expect(replies.map((r: { creator: { name: string } }) => r.creator.name)).toContain(articleReply!.by);
  });

  test('the corrected pages have no WCAG 2.2 AA violation', async ({ browser }) => {
    test.setTimeout(120_000);
    for (const path of [`/articles/${SLUG}/`, claimPath(SLUG, corrected[0]!.id), '/about/']) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${origin}${path}`);
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    }
  });
});

test('with no report contact set, no page shows a report link', async ({ page }) => {
  test.skip(Boolean(process.env.REPORT_URL || process.env.REPORT_EMAIL), 'the site under test was built with a contact');
  const pages = builtPages().filter((path) => /^\/articles\/[^/]+\/(claims\/[^/]+\/)?$/.test(path));
  expect(pages.length).toBeGreaterThan(0);
  for (const path of pages.slice(0, 6)) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: /Report a problem/ })).toHaveCount(0);
    await expect(page.locator('.note-report')).toHaveCount(0);
  }
  await page.goto('/about/');
  await expect(page.getByText('built without a contact address')).toBeVisible();
});
