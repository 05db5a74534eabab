import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../support/site.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme} scheme`, () => {
    for (const path of builtPages()) {
      test(`${path} has no WCAG 2.2 AA violation`, async ({ browser }) => {
        // axe walks every node; a fully annotated article takes it a while on two cores.
        test.setTimeout(120_000);
        const context = await browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
        expect(summary).toEqual([]);
        await context.close();
      });
    }
  });
}
