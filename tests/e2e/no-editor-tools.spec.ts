/**
 * The editors' tools (src/integrations/editor-tools.ts) exist in `npm run dev` only: no file of
 * the built site mentions their endpoints, elements or messages, and an article page served from
 * dist/ has no claim panel and no error banner, and no `/__editor/` endpoint answers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { articles, DIST } from '../support/site.ts';

/** Strings only the dev-only code contains. */
const DEV_ONLY = ['__editor/', 'editor-claim-panel', 'editor-content-errors', 'Make a claim of this passage', 'the build would stop here'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('no file in dist/ contains the editors’ dev-only code', () => {
  const texts = files(DIST).filter((path) => /\.(html|js|mjs|css|json|jsonld|xml|txt|csv)$/.test(path) || !/\.\w+$/.test(path));
  expect(texts.length).toBeGreaterThan(5);
  const found = texts.flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return DEV_ONLY.filter((marker) => text.includes(marker)).map((marker) => `${path}: ${marker}`);
  });
  expect(found).toEqual([]);
});

test('an article page from dist/ has no editor panel, banner or endpoint', async ({ page, request }) => {
  const [article] = articles();
  await page.goto(`/articles/${article!.slug}/`);
  await page.locator('.article-body p').first().selectText();
  await page.waitForTimeout(400);
  await expect(page.locator('editor-claim-panel, editor-content-errors')).toHaveCount(0);
  expect((await request.get('/__editor/status')).status()).toBe(404);
});
