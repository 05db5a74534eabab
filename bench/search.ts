/**
 * Search cost in Chromium: serve a built site with scripts/serve.ts, open /search/, run a
 * first query and a later one through the page's own search UI, and count every response
 * under /pagefind/ (bytes as served — scripts/serve.ts does not compress — and gzip level 9
 * of each body, what a compressing host would send; Pagefind's index chunks are already
 * gzip) and the time from the query being entered to the first result on screen.
 *
 * The search page may start loading Pagefind by itself once it is idle, before anything is
 * typed: the first search's requests and bytes are therefore counted from the page's
 * navigation (`preloaded` says how many came before the query), while its time runs from
 * the query, typed once the page has settled (network idle), as a reader would. The cold
 * path is measured too: `arrival` opens /search/?q=… in a fresh context (the header form's
 * way in) and times from navigation start to the first result, as the page itself sees it (a
 * MutationObserver installed before the page's scripts reports the moment; no Playwright
 * polling script is injected while the page loads).
 *
 * The search page fetches some of Pagefind's files ahead of its worker, which then takes them
 * from the HTTP cache (src/scripts/search-prefetch.ts). A response from the cache is still
 * reported by the browser: only responses that came over the network (bytes received) are
 * counted, and bodies are read once the timed part is over, so that measuring adds no work
 * to what is timed.
 *
 *   npm run bench:search -- [dist=dist] [port=4441]
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
  /** First search only: how many of `requests` the page made before the query was typed (loading when idle). */
  preloaded?: number;
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
  /** Arriving at /search/?q=<first query> in a fresh context: `ms` from navigation start to the first result. */
  arrival?: SearchRun;
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
    // Dedicated workers' fetches (Pagefind's index chunks) are reported to the context as well.
    context.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/pagefind/')) log.push(response);
    });
    await page.goto(`http://127.0.0.1:${port}/search/`, { waitUntil: 'networkidle' });
    // A reader moves to the field before typing, and that intent starts Pagefind's load
    // (src/scripts/search.ts); the query is typed once it has settled, as by a reader who
    // has reached the field. Settled: no response under /pagefind/ for half a second.
    await page.getByLabel('Search articles, claims and notes').hover();
    for (let quiet = 0; quiet < 500; ) {
      const before = log.length;
      await page.waitForTimeout(100);
      quiet = log.length > 0 && log.length === before ? quiet + 100 : 0;
    }
    const preloaded = (await transferred(log)).length;

    const run = async (query: string, first: boolean): Promise<SearchRun> => {
      // The first search also owns what the page loaded by itself before it.
      if (!first) log = [];
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
      const sizes = await transferred(log);
      return {
        query,
        ms: Math.round(ms),
        ...(first ? { uiReadyMs: Math.round(Math.min(await uiReady, ms)), preloaded } : {}),
        requests: sizes.length,
        bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
        gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
        results: await page.locator(RESULT).count(),
      };
    };
    await waitFor(page);
    const first = await run(queries[0]!, true);
    const later = await run(queries[1]!, false);
    await context.close();

    // Cold: a fresh context (empty cache) arriving with the query in the address. The page
    // reports when the first result and its summary are on screen, from a MutationObserver
    // set up before any of its scripts run (and a binding, no polling script in the page).
    const cold = await browser.newContext();
    const fresh: Response[] = [];
    cold.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/pagefind/')) fresh.push(response);
    });
    const arriving = await cold.newPage();
    const query = queries[0]!;
    let shown!: (ms: number) => void;
    const arrived = new Promise<number>((resolve) => (shown = resolve));
    await arriving.exposeBinding('__benchArrived', (_source, ms: number) => shown(ms));
    await arriving.addInitScript(
      ([selector, q]) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector) === null || !(document.querySelector('.search-summary')?.textContent ?? '').toLowerCase().includes(q)) return;
          observer.disconnect();
          (window as unknown as { __benchArrived(ms: number): void }).__benchArrived(performance.now());
        });
        observer.observe(document, { subtree: true, childList: true, characterData: true });
      },
      [RESULT, query] as const,
    );
    await arriving.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arrivalMs = await Promise.race([arrived, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no result 30 s after arriving')), 30_000)))]);
    clearTimeout(timer);
    await arriving.waitForLoadState('networkidle');
    const sizes = await transferred(fresh);
    const arrival: SearchRun = {
      query,
      ms: Math.round(arrivalMs),
      requests: sizes.length,
      bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
      gzip: sizes.reduce((sum, s) => sum + s.gzip, 0),
      results: await arriving.locator(RESULT).count(),
    };
    await cold.close();
    return {
      method: 'the site search page (Pagefind loaded on the reader\'s intent: the pointer over the field), query typed once that load has settled, then Enter, timed to the first result and its summary; bytes of the first search include what the page loaded before it. Arrival: /search/?q= in a fresh context, timed from navigation start to the moment the page itself sees the result (no polling script injected); responses from the HTTP cache not counted',
      chromium: browser.version(),
      first,
      later,
      arrival,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** Of these responses, those that came over the network (a response from the cache received no bytes): their sizes as served and gzip. */
async function transferred(responses: Response[]): Promise<{ bytes: number; gzip: number }[]> {
  const sizes = await Promise.all(
    responses.map(async (response) => {
      const size = await response.request().sizes().catch(() => null);
      if (!size || size.responseHeadersSize + size.responseBodySize <= 0) return null;
      const body = await response.body().catch(() => null);
      return body ? { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length } : null;
    }),
  );
  return sizes.filter((size) => size !== null);
}

async function waitFor(page: Page): Promise<void> {
  await page.getByLabel('Search articles, claims and notes').waitFor({ state: 'visible' });
}

if (import.meta.main) {
  const [dist = 'dist', port = '4441'] = process.argv.slice(2);
  console.log(JSON.stringify(await measureSearch(dist, Number(port)), null, 2));
}
