/**
 * Screenshots of the built site at desktop and phone widths, for looking at what we
 * build and for the README. Serves dist/ itself on a spare port.
 *
 *   npm run screenshots -- [outDir=screenshots] [path …]
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [outDir = 'screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ['/', '/articles/japans-new-stance-on-russia/', '/search/?q=Shikotan'];
const port = Number(process.env.PORT ?? process.env.SHOT_PORT ?? 4599);
const widths = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

mkdirSync(outDir, { recursive: true });
const server = spawn(process.execPath, ['scripts/serve.ts', process.env.DIST_DIR ?? 'dist', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 800));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  for (const { name, width, height } of widths) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(`http://127.0.0.1:${port}${path}`);
        // Until nothing loads (a ?q= search fetches Pagefind's index), then a beat for drawing.
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const slug = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
        await page.screenshot({ path: `${outDir}/${slug}-${name}-${scheme}.png`, fullPage: process.env.FULL === '1' });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
