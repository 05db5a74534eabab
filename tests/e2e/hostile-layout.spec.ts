/**
 * Odd content must not break the page's layout: a long unbroken word in a table cell (a URL,
 * a hash) wraps inside the cell instead of making the page wider than a phone's screen.
 */
import { test, expect } from '@playwright/test';
import { articles } from '../support/site.ts';

test('a long unbroken word in a table cell does not widen the page on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const [article] = articles();
  await page.goto(`/articles/${article!.slug}/`);
  await page.evaluate(() => {
    const body = document.querySelector('.article-body')!;
    const table = document.createElement('table');
    table.innerHTML = `<thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>hash</td><td>${'a'.repeat(2000)}</td></tr></tbody>`;
    body.append(table);
  });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await context.close();
});
