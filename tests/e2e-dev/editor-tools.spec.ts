/**
 * The editors' tools in `astro dev` (docs/editing.md): select a passage, add the claim, see it
 * anchored; a partial overlap refused with the build's message; a broken annotations.yaml shown
 * in the page, which recovers when the file is fixed. Runs its own dev server over a temporary
 * copy of tests/fixtures/editor-content (see tests/support/dev-server.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDevServer, type DevServer } from '../support/dev-server.ts';

const port = Number(process.env.E2E_DEV_PORT ?? Number(process.env.E2E_PORT ?? 4321) + 10);
const slug = 'harbour-reopens';
let server: DevServer;
let annotationsFile: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  server = await startDevServer('tests/fixtures/editor-content', port);
  annotationsFile = join(server.articles, slug, 'annotations.yaml');
  // Warm up: the dev server compiles the editor's script on its first request, and Vite may then
  // reload the page once it has optimised the script's dependencies. On a busy machine that came
  // after a test had selected its passage, and the reload dropped the selection.
  const page = await browser.newPage();
  await openArticle(page);
  await page.waitForLoadState('networkidle');
  await page.close();
});

test.afterAll(async () => {
  await server?.stop();
});

/** Selects the `occurrence`-th `text` in the block, as an editor would with the mouse. */
async function select(page: Page, block: string, text: string) {
  await page.locator(block).evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('.claim-marker, .sr-only, .cite, .paragraph-link, .claim-notes')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const nodes: Text[] = [];
    let all = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      all += node.textContent;
    }
    const start = all.indexOf(wanted);
    if (start === -1) throw new Error(`"${wanted}" is not in ${element.id}: ${all}`);
    const at = (offset: number, end: boolean): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        const length = node.textContent!.length;
        if (offset < seen + length || (end && offset === seen + length)) return [node, offset - seen];
        seen += length;
      }
      throw new Error('offset past the block');
    };
    const range = document.createRange();
    range.setStart(...at(start, false));
    range.setEnd(...at(start + wanted.length, true));
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Claim editor (dev server only)' });

/** Opens the article once the editor's script has put its claim panel in the page. */
async function openArticle(page: Page) {
  await page.goto(`${server.url}/articles/${slug}/`);
  await expect(page.locator('editor-claim-panel')).toBeAttached({ timeout: 60_000 });
}

/** Selects the passage and opens the claim form, selecting again if a reload dropped the selection. */
async function makeClaimOf(page: Page, block: string, text: string) {
  const button = panel(page).getByRole('button', { name: 'Make a claim of this passage' });
  await expect(async () => {
    await select(page, block, text);
    await expect(button).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await button.click();
}

test('a unique passage becomes a claim with no prefix or suffix, rendered and anchored', async ({ page }) => {
  await openArticle(page);
  await makeClaimOf(page, '#p-the-council-says-the', 'Critics call it “a costly bet”');
  await expect(panel(page).getByLabel('Id', { exact: true })).toHaveValue('critics-call-it-a');
  await expect(panel(page).getByText(/Not unique alone/)).toHaveCount(0);
  await panel(page).getByLabel('Kind', { exact: true }).selectOption('opinion');
  await panel(page).getByLabel('Summary (one plain sentence)').fill('The critics’ view of the cost.');
  await panel(page).getByLabel(/^Note/).fill('An opinion; the cost is checked in ');
  await panel(page).getByRole('button', { name: 'Cite source council-2024 in the note' }).click();
  await expect(panel(page).locator('pre')).toContainText('quote: Critics call it “a costly bet”');
  await panel(page).getByRole('button', { name: 'Add to annotations.yaml' }).click();
  await expect(panel(page).getByRole('status')).toContainText('Added to');

  const claim = page.locator('#p-the-council-says-the #claim-critics-call-it-a');
  await expect(claim).toBeVisible({ timeout: 20_000 });
  await expect(claim).toContainText('Critics call it “a costly bet”');
  const yaml = readFileSync(annotationsFile, 'utf8');
  expect(yaml).toMatch(/^# Notes on the harbour article\. This comment must survive/);
  expect(yaml).toContain('  # The repair bill.\n  - id: repair-cost');
  expect(yaml.indexOf('id: reopening-date')).toBeLessThan(yaml.indexOf('id: critics-call-it-a'));
  expect(yaml).not.toMatch(/^\s+prefix:/m);
  expect(yaml).toContain('note: An opinion; the cost is checked in [^council-2024]');
});

test('a passage that is not unique gets the shortest prefix that anchors it where it was selected', async ({ page }) => {
  await openArticle(page);
  await makeClaimOf(page, '#p-the-first-ferry-sailed', 'ferry');
  await expect(panel(page).getByText('Not unique alone: anchored by prefix “first”.')).toBeVisible();
  await panel(page).getByLabel('Id', { exact: true }).fill('first-ferry');
  await panel(page).getByLabel('Kind', { exact: true }).selectOption('fact');
  await panel(page).getByLabel('Rating', { exact: true }).selectOption('unverifiable');
  await panel(page).getByLabel('Summary (one plain sentence)').fill('No timetable for the first day was published.');
  await panel(page).getByLabel(/^Note/).fill('The council’s notice gives no time.');
  await panel(page).getByRole('button', { name: 'Add to annotations.yaml' }).click();

  await expect(page.locator('#p-the-first-ferry-sailed #claim-first-ferry')).toHaveAttribute('data-pagefind-title', 'ferry', { timeout: 20_000 });
  await expect(page.locator('#p-the-council-says-the .claim')).toHaveCount(1); // only critics-call-it-a
  expect(readFileSync(annotationsFile, 'utf8')).toContain('  - id: first-ferry\n    quote: ferry\n    prefix: first\n');
});

test('a passage that partly overlaps a claim is refused with the build’s message', async ({ page }) => {
  await openArticle(page);
  const before = readFileSync(annotationsFile, 'utf8');
  await makeClaimOf(page, '#p-the-harbour-at-porthmere', 'two years of repairs');
  await expect(panel(page).getByRole('alert')).toContainText(
    'claim "two-years-of-repairs": quote partly overlaps claim "reopening-date"; claims may nest (one wholly inside the other) but not partly overlap',
  );
  await expect(panel(page).getByRole('alert')).toContainText(/annotations\.yaml:\d+:5: error: .*\[claims-overlap\]/);
  expect(readFileSync(annotationsFile, 'utf8')).toBe(before);
});

test('a broken annotations.yaml shows its error in the page, and the page recovers when it is fixed', async ({ page }) => {
  await openArticle(page);
  const good = readFileSync(annotationsFile, 'utf8');
  const line = good.split('\n').findIndex((text) => text.includes('kind: fact')) + 1;
  writeFileSync(annotationsFile, good.replace('kind: fact', 'kind: claim'));

  const alert = page.getByRole('alert').filter({ hasText: 'the build would stop here' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  const item = alert.getByRole('listitem').first();
  await expect(item).toContainText(`Claim “repair-cost”, line ${line}, column 5 of `);
  await expect(item.locator('code')).toHaveText(
    new RegExp(`harbour-reopens/annotations\\.yaml:${line}:5: error: claim "repair-cost": kind "claim" is not one of fact, interpretation, opinion, prediction \\[unknown-kind\\]$`),
  );

  writeFileSync(annotationsFile, good);
  await expect(alert).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('#claim-repair-cost')).toBeVisible();
  expect(server.output()).not.toMatch(/\[ERROR\] \[editor-tools\]/);
});
