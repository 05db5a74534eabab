/**
 * Search cost in Chromium: serve a built site with scripts/serve.ts, open /search/, run a
 * first query and a later one through the page's own search UI, and count every response
 * under /pagefind/ (bytes as served — scripts/serve.ts does not compress — and gzip level 9
 * of each body, what a compressing host would send; Pagefind's index chunks are already
 * gzip) and the time from the query being entered to the first result on screen.
 *
 *   node bench/search.ts [dist=dist] [port=4441]
 */
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Page, Response } from '@playwright/test';

export interface SearchRun {
  query: string;
  ms: number;
  /** First search only: from typing until Pagefind's Component UI is on the page (its JS and CSS loaded), the part of `ms` spent loading it. */
  uiReadyMs?: number;
  requests: number;
  bytes: number;
  gzip: number;
  results: number;
}

export interface SearchResult {
  method: string;
  chromium: string;
  first: SearchRun;
  later: SearchRun;
}

const RESULT = 'pagefind-results ul.pf-results > li';

export async function measureSearch(dist: string, port = 4441, queries = ['kuril', 'treaty']): Promise<SearchResult> {
  const server = spawn(process.execPath, ['scripts/serve.ts', dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && resolve());
    server.on('exit', (code) => reject(new Error(`serve.ts exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    let log: Response[] = [];
    const pending: Promise<void>[] = [];
    const sizes: { bytes: number; gzip: number }[] = [];
    // Dedicated workers' fetches (Pagefind's index chunks) are reported to the context as well.
    context.on('response', (response) => {
      if (!new URL(response.url()).pathname.startsWith('/pagefind/')) return;
      log.push(response);
      pending.push(
        response
          .body()
          .then((body) => void sizes.push({ bytes: body.length, gzip: gzipSync(body, { level: 9 }).length }))
          .catch(() => undefined),
      );
    });
    await page.goto(`http://127.0.0.1:${port}/search/`, { waitUntil: 'networkidle' });
    const before = log.length;
    if (before !== 0) throw new Error(`${before} Pagefind requests before the first search: expected none`);

    const run = async (query: string, first: boolean): Promise<SearchRun> => {
      log = [];
      sizes.length = 0;
      pending.length = 0;
      const field = page.getByLabel('Search articles, claims and notes');
      await field.fill('');
      const start = performance.now();
      const uiReady = !first ? Promise.resolve(Number.NaN) : page.waitForSelector('pagefind-results', { state: 'attached', timeout: 30_000 }).then(() => performance.now() - start);
      await field.fill(query);
      await field.press('Enter');
      await page.waitForFunction(
        ([selector, q]) => document.querySelector(selector) !== null && (document.querySelector('.search-summary')?.textContent ?? '').toLowerCase().includes(q),
        [RESULT, query] as const,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = performance.now() - start;
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
      return {
        query,
        ms: Math.round(ms),
        ...(first ? { uiReadyMs: Math.round(Math.min(await uiReady, ms)) } : {}),
        requests: log.length,
        bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
        gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
        results: await page.locator(RESULT).count(),
      };
    };
    await waitFor(page);
    const first = await run(queries[0]!, true);
    const later = await run(queries[1]!, false);
    return {
      method: 'the site search page (Pagefind Component UI loaded on first use), query typed then Enter, timed to the first result and its summary',
      chromium: browser.version(),
      first,
      later,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

async function waitFor(page: Page): Promise<void> {
  await page.getByLabel('Search articles, claims and notes').waitFor({ state: 'visible' });
}

if (import.meta.main) {
  const [dist = 'dist', port = '4441'] = process.argv.slice(2);
  console.log(JSON.stringify(await measureSearch(dist, Number(port)), null, 2));
}
