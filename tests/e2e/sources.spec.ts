/**
 * Sources as readers see them, end to end: the fixture content (tests/fixtures/content) is built
 * with its link status file (source-status.json: a dead link with an archived copy, a dead link
 * whose copy the link check found, a redirect, a live link) and served on a free port of its own,
 * since the main site's content has no status file.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { FIXTURES, astroBuild, folders, pagefind } from '../integration/support.ts';

test.describe.configure({ mode: 'serial' });

const { dist, cache } = folders('e2e-sources');
const ARTICLE = '/articles/source-records/';
let server: ChildProcess | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const build = astroBuild({ content: FIXTURES, dist, cache, clean: true });
  expect(build.status, build.output.slice(-2000)).toBe(0);
  expect(pagefind(dist).status).toBe(0);
  server = spawn(process.execPath, ['scripts/serve.ts', dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  origin = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (chunk: Buffer) => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    server!.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

test.afterAll(() => {
  server?.kill();
});

const source = (page: Page, n: number) => page.locator(`#source-${n}`);

test('a dead link leads with its archived copy and still gives the original address', async ({ page }) => {
  await page.goto(`${origin}${ARTICLE}`);
  const notice = source(page, 1);
  await expect(notice.locator('.source-type')).toHaveText('Official statement');
  const title = notice.getByRole('link', { name: 'Lighthouse decommissioned' });
  await expect(title).toHaveAttribute('href', 'https://web.archive.org/web/20240701090000/https://harbour.example/notices/lighthouse');
  await expect(notice).toContainText('(archived copy, 1 July 2024)');
  await expect(notice).toContainText('Read 2 July 2024. Link dead when checked on 30 November 2026: original address.');
  await expect(notice.getByRole('link', { name: 'original address' })).toHaveAttribute('href', 'https://harbour.example/notices/lighthouse');
});

test('a dead link whose copy the link check found leads with that copy, and says where it came from', async ({ page }) => {
  await page.goto(`${origin}${ARTICLE}`);
  const treaty = source(page, 4);
  await expect(treaty.locator('.source-type')).toHaveText('Primary document');
  await expect(treaty.getByRole('link', { name: 'Coastal Landmarks Treaty' })).toHaveAttribute('href', /^https:\/\/web\.archive\.org\/web\/20200101000000\//);
  await expect(treaty).toContainText('Archived copy found by the link check.');
});

test('live, redirected and unchecked links, a copy naming its original, and every type in words', async ({ page }) => {
  await page.goto(`${origin}${ARTICLE}`);
  const report = source(page, 2);
  await expect(report.getByRole('link', { name: 'Lights out at Porthmere' })).toHaveAttribute('href', 'https://gazette.example/2024/07/01/lights-out');
  await expect(report).toContainText('Read 2 July 2024. Link live when checked on 30 November 2026.');
  const repost = source(page, 3);
  await expect(repost).toContainText('Copy of: The Coastal Gazette, 1 July 2024');
  await expect(repost).toContainText('Link now leads to news.example (checked 30 November 2026).');
  // The columnist's status was recorded for an older address: it is not shown.
  await expect(source(page, 6)).not.toContainText('Link');
  await expect(page.locator('.source-list .source-type')).toHaveText([
    'Official statement', 'News report', 'Copy of another source', 'Primary document', 'Reference work', 'Analysis or commentary',
  ]);
});

test('the source list links the sources as CSL-JSON and BibTeX, which parse back', async ({ page, request }) => {
  await page.goto(`${origin}${ARTICLE}`);
  const csl = page.locator('.sources').getByRole('link', { name: 'CSL-JSON' });
  const bib = page.locator('.sources').getByRole('link', { name: 'BibTeX' });
  const items = new Cite(await (await request.get(`${origin}${await csl.getAttribute('href')}`)).json()).data as { id: string; URL?: string }[];
  expect(items.map((item) => item.id)).toEqual(['board-notice', 'gazette-report', 'gazette-repost', 'treaty-1951', 'encyclopedia', 'columnist']);
  const entries = new Cite(await (await request.get(`${origin}${await bib.getAttribute('href')}`)).text()).data as { 'citation-key': string }[];
  expect(entries.map((entry) => entry['citation-key'])).toEqual(items.map((item) => item.id));
  await page.goto(`${origin}/about/`);
  await expect(page.locator('#downloads + p + ul')).toContainText('The Lighthouse Goes Dark: claims (JSON-LD) · claims (CSV) · sources (CSL-JSON) · sources (BibTeX)');
});

test('on a claim page a long excerpt is folded and opens whole; a short one is shown as is', async ({ page }) => {
  await page.goto(`${origin}${ARTICLE}claims/switched-off/`);
  const full = page.locator('.source-excerpt-fold .source-excerpt');
  await expect(full).toBeHidden();
  await expect(page.locator('.source-excerpt-lead')).toContainText('The harbour board confirmed on Sunday');
  await page.getByText('Show the whole passage').click();
  await expect(full).toBeVisible();
  await expect(full).toContainText('watch the last sweep of the beam.');
  await expect(page.locator('q.source-excerpt').first()).toHaveText('The light will be switched off at midnight on 30 June.');
  await expect(page.locator('.source-type').first()).toHaveText('Official statement');
});

test('printed, a source keeps its type, its archived copy address and its whole excerpt', async ({ page }) => {
  await page.goto(`${origin}${ARTICLE}claims/switched-off/`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.source-type').first()).toBeVisible();
  await expect(page.locator('.source-excerpt-fold .source-excerpt')).toBeVisible();
  const after = await page.locator('#source-1 .source-record a').evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('https://harbour.example/notices/lighthouse');
});

test('search can filter claims by the type of the sources they cite', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 2000 });
  // Both claims list a source titled with "Lighthouse": an official notice, and an encyclopedia entry beside a treaty.
  await page.goto(`${origin}/search/?q=lighthouse`);
  await expect(page.locator('.search-summary')).toContainText(/\d+ results? for/);
  const links = () => page.locator('pagefind-results a.sr-link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const [notice, treaty] = [`${ARTICLE}claims/switched-off/`, `${ARTICLE}claims/treaty/`];
  await expect.poll(links).toEqual(expect.arrayContaining([notice, treaty]));
  const group = page.locator('pagefind-filter-pane details[data-filter-name="source"]');
  if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) await group.locator('summary').click();
  await group.locator('input[value="Official statement"]').check();
  // The list is redrawn after each filter change: wait for the drawn list, not a moment in between.
  await expect.poll(async () => { const now = await links(); return now.includes(notice) && !now.includes(treaty); }).toBe(true);
  await group.locator('input[value="Official statement"]').uncheck();
  await group.locator('input[value="Primary document"]').check();
  await expect.poll(async () => { const now = await links(); return now.includes(treaty) && !now.includes(notice); }).toBe(true);
});

for (const [path, scheme] of [[ARTICLE, 'light'], [ARTICLE, 'dark'], [`${ARTICLE}claims/switched-off/`, 'light'], [`${ARTICLE}claims/switched-off/`, 'dark'], ['/about/', 'light']] as const) {
  test(`${path} with its sources has no WCAG 2.2 AA violation (${scheme})`, async ({ browser }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('.sources, #downloads').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
}
